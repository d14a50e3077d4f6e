package com.claimflow.reference.importer;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CMS/CDC ICD-10-CM order file (icd10cm_order_YYYY.txt), fixed width, 1-based positions: order number 1-5, blank 6,
 * code 7-13 (no dot, left-justified), blank 14, header flag 15 (0 header, 1 billable), blank 16, short description 17-76,
 * blank 77, long description 78 to end of line. One file is one fiscal year, valid from 1 October of the year before;
 * codes of an earlier year absent from it end on 30 September.
 */
final class IcdOrderImporter extends LineImporter<VersionedTable.Row> {
    private static final VersionedTable TABLE = new VersionedTable("code_set_entry", "code_system", new String[] {"billable", "description"});
    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)");
    private static final Pattern CODE = Pattern.compile("[A-Z][0-9][0-9A-Z]{0,5}");
    private LocalDate effective;

    @Override
    public ImportKind kind() {
        return ImportKind.ICD10CM;
    }

    static LocalDate fiscalYearStart(String fileName) {
        Matcher m = YEAR.matcher(fileName);
        return m.find() ? LocalDate.of(Integer.parseInt(m.group(1)) - 1, 10, 1) : null;
    }

    @Override
    protected void start(ImportRun run) throws FieldError {
        effective = run.effectiveDate(IcdOrderImporter::fiscalYearStart, "keep the fiscal year in the file name (icd10cm_order_2026.txt)");
        TABLE.checkOrder(run, "ICD10CM", effective);
    }

    @Override
    protected boolean isData(String line) {
        return line.length() >= 15 && Fields.slice(line, 1, 5).chars().allMatch(Character::isDigit);
    }

    @Override
    protected VersionedTable.Row parse(ImportRun run, long lineNo, String line) throws FieldError {
        if (line.length() < 17) throw new FieldError("is " + line.length() + " characters long: an order-file record has at least 17 (order, code, header flag, descriptions)");
        String order = Fields.slice(line, 1, 5);
        if (!order.chars().allMatch(Character::isDigit)) throw new FieldError("order number '" + order + "' (positions 1-5) is not a number");
        if (line.charAt(5) != ' ' || line.charAt(13) != ' ' || line.charAt(15) != ' ') {
            throw new FieldError("is not in the fixed-width layout (blanks expected at positions 6, 14 and 16)");
        }
        String code = Fields.slice(line, 7, 13).trim();
        if (!CODE.matcher(code).matches()) throw new FieldError("code '" + code + "' (positions 7-13) is not an ICD-10-CM code");
        char flag = line.charAt(14);
        if (flag != '0' && flag != '1') throw new FieldError("header flag '" + flag + "' (position 15) is not 0 or 1");
        String shortDescription = Fields.slice(line, 17, 76).trim();
        String longDescription = line.length() > 77 ? line.substring(77).trim() : "";
        String description = longDescription.isEmpty() ? shortDescription : longDescription;
        if (description.isEmpty()) throw new FieldError("description (positions 17-76 and 78-) is empty");
        if (description.length() > 255) description = description.substring(0, 255);
        return new VersionedTable.Row(code, new Object[] {flag == '1', description});
    }

    @Override
    protected void write(ImportRun run, List<Parsed<VersionedTable.Row>> chunk) {
        TABLE.write(run, "ICD10CM", effective, chunk);
    }

    @Override
    protected void finish(ImportRun run) {
        TABLE.finish(run, "ICD10CM", effective);
    }
}
