package com.claimflow.reference.importer;

import com.claimflow.reference.Ncci;
import java.time.LocalDate;
import java.util.List;

/**
 * CMS NCCI procedure-to-procedure file, practitioner or hospital (the quarterly .txt, tab-delimited; a CSV export also
 * reads): column 1 code, column 2 code, "*" if in existence prior to 1996, effective date (yyyyMMdd), deletion date
 * (yyyyMMdd or "*" for none), modifier indicator (0, 1 or 9), PTP edit rationale. Notice and column-title lines before
 * the first data line are skipped. A release is several files (one per column-1 range); import each.
 */
final class NcciPtpImporter extends LineImporter<KeyedTable.Row> {
    private static final KeyedTable TABLE = new KeyedTable("ncci_ptp",
            new String[] {"setting", "column1", "column2", "effective_date"},
            new String[] {"prior_1996", "deletion_date", "modifier_indicator", "rationale"}, 1);

    private final ImportKind kind;
    private final String setting;
    private final Ncci ncci;

    NcciPtpImporter(ImportKind kind, String setting, Ncci ncci) {
        this.kind = kind;
        this.setting = setting;
        this.ncci = ncci;
    }

    @Override
    public ImportKind kind() {
        return kind;
    }

    @Override
    protected boolean isData(String line) {
        List<String> f = Fields.split(line);
        return f.size() >= 2 && Fields.looksLikeProcedureCode(f.get(0)) && Fields.looksLikeProcedureCode(f.get(1));
    }

    @Override
    protected KeyedTable.Row parse(ImportRun run, long lineNo, String line) throws FieldError {
        List<String> f = Fields.split(line);
        if (f.size() < 6) throw new FieldError("has " + f.size() + " fields, expected 7 (column 1, column 2, prior 1996, effective, deletion, modifier indicator, rationale)");
        String c1 = Fields.procedureCode("column 1 code", f.get(0));
        String c2 = Fields.procedureCode("column 2 code", f.get(1));
        String prior = f.get(2).trim();
        if (!prior.isEmpty() && !prior.equals("*") && !prior.equalsIgnoreCase("Y") && !prior.equalsIgnoreCase("N")) {
            throw new FieldError("prior-1996 flag '" + prior + "' is not * or blank");
        }
        LocalDate effective = Fields.yyyymmdd("effective date", f.get(3), false);
        LocalDate deletion = Fields.yyyymmdd("deletion date", f.get(4), true);
        if (deletion != null && deletion.isBefore(effective)) {
            throw new FieldError("deletion date " + f.get(4).trim() + " is before the effective date " + f.get(3).trim());
        }
        String indicator = f.get(5).trim();
        if (!indicator.equals("0") && !indicator.equals("1") && !indicator.equals("9")) {
            throw new FieldError("modifier indicator '" + indicator + "' is not 0, 1 or 9");
        }
        String rationale = Fields.optional(Fields.at(f, 6));
        if (rationale != null && rationale.length() > 120) rationale = rationale.substring(0, 120);
        return new KeyedTable.Row(new Object[] {setting, c1, c2, effective},
                new Object[] {prior.equals("*") || prior.equalsIgnoreCase("Y"), deletion, indicator, rationale});
    }

    @Override
    protected void write(ImportRun run, List<Parsed<KeyedTable.Row>> chunk) {
        TABLE.write(run, chunk);
    }

    @Override
    public void committed() {
        ncci.reload();
    }
}
