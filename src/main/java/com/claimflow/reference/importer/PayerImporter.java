package com.claimflow.reference.importer;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Payers as CSV: id, name, claim type (PROFESSIONAL or INSTITUTIONAL), timely-filing days, appeal days level 1, appeal
 * days level 2, subscriber id pattern (a Java regular expression, blank for none), taxonomy required (Y/N); an optional
 * header row starting "id". A payer is found by id and updated in place.
 */
final class PayerImporter extends LineImporter<KeyedTable.Row> {
    /** The payer.subscriber_id_pattern column (V26): room for the official Medicare MBI expression ({@link com.claimflow.reference.Mbi}). */
    static final int MAX_PATTERN = 1000;
    private static final KeyedTable TABLE = new KeyedTable("payer", "id", new String[] {"id"},
            new String[] {"name", "claim_type", "timely_filing_days", "appeal_days_level1", "appeal_days_level2",
                    "subscriber_id_pattern", "taxonomy_required", "active"}, 0);

    @Override
    public ImportKind kind() {
        return ImportKind.PAYER;
    }

    @Override
    protected boolean isData(String line) {
        return Fields.isNotTitleRow(line, "id");
    }

    @Override
    protected KeyedTable.Row parse(ImportRun run, long lineNo, String line) throws FieldError {
        List<String> f = Fields.split(line);
        if (f.size() < 4) throw new FieldError("has " + f.size() + " fields, expected 8 (id, name, claim type, timely-filing days, appeal days 1, appeal days 2, subscriber id pattern, taxonomy required)");
        String id = Fields.maxLength("payer id", Fields.required("payer id", f.get(0)).toUpperCase(Locale.ROOT), 20);
        String name = Fields.maxLength("name", Fields.required("name", f.get(1)), 120);
        String claimType = Fields.required("claim type", f.get(2)).toUpperCase(Locale.ROOT);
        if (!claimType.equals("PROFESSIONAL") && !claimType.equals("INSTITUTIONAL")) {
            throw new FieldError("claim type '" + claimType + "' is not PROFESSIONAL or INSTITUTIONAL");
        }
        int filing = Fields.integer("timely-filing days", f.get(3), 1);
        Integer appeal1 = Fields.optionalInteger("appeal days level 1", Fields.at(f, 4), 1);
        Integer appeal2 = Fields.optionalInteger("appeal days level 2", Fields.at(f, 5), 1);
        String pattern = Fields.optional(Fields.at(f, 6));
        if (pattern != null) {
            Fields.maxLength("subscriber id pattern", pattern, MAX_PATTERN);
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new FieldError("subscriber id pattern '" + pattern + "' is not a regular expression");
            }
        }
        boolean taxonomy = Fields.flag("taxonomy required", Fields.at(f, 7));
        return new KeyedTable.Row(new Object[] {id}, new Object[] {name, claimType, filing, appeal1, appeal2, pattern, taxonomy, true});
    }

    @Override
    protected void write(ImportRun run, List<Parsed<KeyedTable.Row>> chunk) {
        TABLE.write(run, chunk);
    }
}
