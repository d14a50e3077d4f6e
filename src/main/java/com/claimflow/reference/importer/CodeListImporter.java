package com.claimflow.reference.importer;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Modifiers, place-of-service codes, CARC and RARC as CSV: code, description, start date, stop date (yyyy-MM-dd or
 * yyyyMMdd; stop blank while in use), with an optional header row starting "code". Each row is one dated version,
 * found again by code and start date.
 */
final class CodeListImporter extends LineImporter<KeyedTable.Row> {
    private static final KeyedTable TABLE = new KeyedTable("code_set_entry",
            new String[] {"code_system", "code", "valid_from"}, new String[] {"billable", "description", "valid_to"}, 1);
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{1,5}");

    private final ImportKind kind;

    CodeListImporter(ImportKind kind) {
        this.kind = kind;
    }

    @Override
    public ImportKind kind() {
        return kind;
    }

    @Override
    protected boolean isData(String line) {
        return Fields.isNotTitleRow(line, "code");
    }

    @Override
    protected KeyedTable.Row parse(ImportRun run, long lineNo, String line) throws FieldError {
        List<String> f = Fields.split(line);
        if (f.size() < 3) throw new FieldError("has " + f.size() + " fields, expected 4 (code, description, start, stop)");
        String code = Fields.required("code", f.get(0)).toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) throw new FieldError("code '" + code + "' is not 1 to 5 letters or digits");
        String description = Fields.required("description", f.get(1));
        if (description.length() > 255) description = description.substring(0, 255);
        LocalDate start = Fields.date("start date", f.get(2), false);
        LocalDate stop = Fields.date("stop date", Fields.at(f, 3), true);
        if (stop != null && stop.isBefore(start)) throw new FieldError("stop date " + stop + " is before the start date " + start);
        return new KeyedTable.Row(new Object[] {kind.name(), code, start}, new Object[] {true, description, stop});
    }

    @Override
    protected void write(ImportRun run, List<Parsed<KeyedTable.Row>> chunk) {
        TABLE.write(run, chunk);
    }
}
