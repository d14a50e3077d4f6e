package com.claimflow.reference.importer;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer's own CPT file as CSV: code, descriptor (an optional header row "code,descriptor"). A file is the CPT
 * year valid from 1 January (effective date option, or a year in the file name); codes absent from it end the day
 * before. The product ships no CPT descriptors; descriptors over 255 characters are cut.
 */
final class CptImporter extends LineImporter<VersionedTable.Row> {
    private static final VersionedTable TABLE = new VersionedTable("code_set_entry", "code_system", new String[] {"billable", "description"});
    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)");
    private static final Pattern CPT = Pattern.compile("[0-9]{4}[0-9FTU]");
    private LocalDate effective;

    @Override
    public ImportKind kind() {
        return ImportKind.CPT;
    }

    @Override
    protected void start(ImportRun run) throws FieldError {
        effective = run.effectiveDate(name -> {
            Matcher m = YEAR.matcher(name);
            return m.find() ? LocalDate.of(Integer.parseInt(m.group(1)), 1, 1) : null;
        }, "keep the CPT year in the file name (cpt_2026.csv)");
        TABLE.checkOrder(run, "CPT", effective);
    }

    @Override
    protected boolean isData(String line) {
        return Fields.isNotTitleRow(line, "code");
    }

    @Override
    protected VersionedTable.Row parse(ImportRun run, long lineNo, String line) throws FieldError {
        List<String> f = Fields.split(line);
        String code = Fields.required("code", f.get(0)).toUpperCase(Locale.ROOT);
        if (!CPT.matcher(code).matches()) throw new FieldError("code '" + code + "' is not a CPT code (4 digits and a digit, F, T or U)");
        String descriptor = Fields.required("descriptor", Fields.at(f, 1));
        if (descriptor.length() > 255) descriptor = descriptor.substring(0, 255);
        return new VersionedTable.Row(code, new Object[] {true, descriptor});
    }

    @Override
    protected void write(ImportRun run, List<Parsed<VersionedTable.Row>> chunk) {
        TABLE.write(run, "CPT", effective, chunk);
    }

    @Override
    protected void finish(ImportRun run) {
        TABLE.finish(run, "CPT", effective);
    }
}
