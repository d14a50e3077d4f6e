package com.claimflow.reference.importer;

import com.claimflow.reference.Ncci;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * CMS medically unlikely edits, practitioner or facility (the quarterly CSV): HCPCS/CPT code, MUE value, MUE
 * adjudication indicator (e.g. "3 Date of Service Edit: Clinical"), MUE rationale. The file is the whole table as of its
 * quarter: values apply from the effective date (option, or the date in the name as CMS names the file,
 * {@code MCR_MUE_PractitionerServices_Eff_01-01-2026.csv}, or a quarter such as 2026Q1: {@link CmsFileNames});
 * codes the quarter no longer lists end the day before.
 */
final class MueImporter extends LineImporter<VersionedTable.Row> {
    private static final VersionedTable TABLE = new VersionedTable("ncci_mue", "setting",
            new String[] {"mue_value", "adjudication_indicator", "rationale"});

    private final ImportKind kind;
    private final String setting;
    private final Ncci ncci;
    private LocalDate effective;

    MueImporter(ImportKind kind, String setting, Ncci ncci) {
        this.kind = kind;
        this.setting = setting;
        this.ncci = ncci;
    }

    @Override
    public ImportKind kind() {
        return kind;
    }

    @Override
    protected void start(ImportRun run) throws FieldError {
        effective = run.effectiveDate(CmsFileNames::releaseDate,
                "keep the name CMS gives the file (MCR_MUE_PractitionerServices_Eff_01-01-2026.csv) or name its quarter (MUE_2026Q1.csv)");
        TABLE.checkOrder(run, setting, effective);
    }

    @Override
    protected boolean isData(String line) {
        List<String> f = Fields.split(line);
        return f.size() >= 2 && Fields.looksLikeProcedureCode(f.get(0));
    }

    @Override
    protected VersionedTable.Row parse(ImportRun run, long lineNo, String line) throws FieldError {
        List<String> f = Fields.split(line);
        if (f.size() < 3) throw new FieldError("has " + f.size() + " fields, expected 4 (code, MUE value, adjudication indicator, rationale)");
        String code = Fields.procedureCode("HCPCS/CPT code", f.get(0));
        int value = Fields.integer("MUE value", f.get(1), 0);
        String indicator = Fields.required("MUE adjudication indicator", f.get(2));
        if ("123".indexOf(indicator.charAt(0)) < 0) {
            throw new FieldError("MUE adjudication indicator '" + indicator + "' does not start with 1, 2 or 3");
        }
        if (indicator.length() > 60) indicator = indicator.substring(0, 60);
        String rationale = Fields.optional(Fields.at(f, 3));
        if (rationale != null && rationale.length() > 120) rationale = rationale.substring(0, 120);
        return new VersionedTable.Row(code.toUpperCase(Locale.ROOT), new Object[] {value, indicator, rationale});
    }

    @Override
    protected void write(ImportRun run, List<Parsed<VersionedTable.Row>> chunk) {
        TABLE.write(run, setting, effective, chunk);
    }

    @Override
    protected void finish(ImportRun run) {
        TABLE.finish(run, setting, effective);
    }

    @Override
    public void committed() {
        ncci.reload();
    }
}
