package com.claimflow.reference.importer;

import com.claimflow.reference.Excludes1;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ICD-10-CM Excludes1 notes as CSV: code (or category), excluded code (or category), note; codes with or without the
 * dot, an optional header row starting "code". A note is found by its two codes and updated in place. The notes come
 * from the public-domain ICD-10-CM tabular list (section I.A.12.a of the Official Guidelines).
 */
final class Excludes1Importer extends LineImporter<KeyedTable.Row> {
    private static final KeyedTable TABLE = new KeyedTable("icd10cm_excludes1", new String[] {"code", "excluded_code"},
            new String[] {"note"}, 1);
    private static final Pattern ICD = Pattern.compile("[A-Z][0-9][0-9A-Z]{1,5}");

    private final Excludes1 excludes1;

    Excludes1Importer(Excludes1 excludes1) {
        this.excludes1 = excludes1;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.EXCLUDES1;
    }

    @Override
    protected boolean isData(String line) {
        return Fields.isNotTitleRow(line, "code");
    }

    @Override
    protected KeyedTable.Row parse(ImportRun run, long lineNo, String line) throws FieldError {
        List<String> f = Fields.split(line);
        if (f.size() < 2) throw new FieldError("has " + f.size() + " fields, expected 3 (code, excluded code, note)");
        String code = icd("code", f.get(0));
        String excluded = icd("excluded code", f.get(1));
        if (code.equals(excluded)) throw new FieldError("code " + code + " cannot exclude itself");
        String note = Fields.optional(Fields.at(f, 2));
        if (note != null && note.length() > 200) note = note.substring(0, 200);
        return new KeyedTable.Row(new Object[] {code, excluded}, new Object[] {note});
    }

    private static String icd(String field, String value) throws FieldError {
        String code = Fields.required(field, value).replace(".", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (!ICD.matcher(code).matches()) {
            throw new FieldError(field + " '" + value.trim() + "' is not an ICD-10-CM code or category (a letter, a digit, then 1 to 5 letters or digits)");
        }
        return code;
    }

    @Override
    protected void write(ImportRun run, List<Parsed<KeyedTable.Row>> chunk) {
        TABLE.write(run, chunk);
    }

    @Override
    public void committed() {
        excludes1.reload();
    }
}
