package com.claimflow.reference.importer;

import com.claimflow.reference.Npi;
import java.util.List;
import java.util.Locale;

/**
 * Providers as CSV: NPI, name, taxonomy, TIN, address, city, state, zip; an optional header row starting "npi".
 * The NPI must pass its check digit; a provider is found by NPI and updated in place.
 */
final class ProviderImporter extends LineImporter<KeyedTable.Row> {
    private static final KeyedTable TABLE = new KeyedTable("provider", "npi", new String[] {"npi"},
            new String[] {"name", "taxonomy", "tin", "address", "city", "state", "zip"}, 0);

    @Override
    public ImportKind kind() {
        return ImportKind.PROVIDER;
    }

    @Override
    protected boolean isData(String line) {
        return !Fields.at(Fields.split(line), 0).trim().equalsIgnoreCase("npi");
    }

    @Override
    protected KeyedTable.Row parse(ImportRun run, long lineNo, String line) throws FieldError {
        List<String> f = Fields.split(line);
        if (f.size() < 2) throw new FieldError("has " + f.size() + " fields, expected 8 (NPI, name, taxonomy, TIN, address, city, state, zip)");
        String npi = Fields.required("NPI", f.get(0));
        if (!Npi.isValid(npi)) throw new FieldError("NPI '" + npi + "' is not ten digits with a valid check digit");
        String name = Fields.maxLength("name", Fields.required("name", f.get(1)), 120);
        String taxonomy = Fields.optional(Fields.at(f, 2));
        if (taxonomy != null && !taxonomy.toUpperCase(Locale.ROOT).matches("[0-9]{3}[0-9A-Z]{6}X")) {
            throw new FieldError("taxonomy '" + taxonomy + "' is not a 10-character taxonomy code (e.g. 207Q00000X)");
        }
        String tin = Fields.optional(Fields.at(f, 3));
        if (tin != null) {
            tin = tin.replace("-", "");
            if (!tin.matches("[0-9]{9}")) throw new FieldError("TIN '" + Fields.at(f, 3).trim() + "' is not nine digits");
        }
        String state = Fields.optional(Fields.at(f, 6));
        if (state != null && !state.matches("[A-Za-z]{2}")) throw new FieldError("state '" + state + "' is not a two-letter code");
        return new KeyedTable.Row(new Object[] {npi}, new Object[] {name, taxonomy == null ? null : taxonomy.toUpperCase(Locale.ROOT), tin,
                Fields.maxLength("address", Fields.optional(Fields.at(f, 4)), 120), Fields.maxLength("city", Fields.optional(Fields.at(f, 5)), 60),
                state == null ? null : state.toUpperCase(Locale.ROOT), Fields.maxLength("zip", Fields.optional(Fields.at(f, 7)), 10)});
    }

    @Override
    protected void write(ImportRun run, List<Parsed<KeyedTable.Row>> chunk) {
        TABLE.write(run, chunk);
    }
}
