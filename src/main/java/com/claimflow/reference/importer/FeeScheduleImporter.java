package com.claimflow.reference.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A payer's fee schedule as CSV: payer id, code, modifier (blank for any), allowed amount, valid from, valid to
 * (blank while in force); an optional header row starting "payer". A fee is found by payer, code, modifier and start.
 */
final class FeeScheduleImporter extends LineImporter<KeyedTable.Row> {
    private static final KeyedTable TABLE = new KeyedTable("fee_schedule_entry",
            new String[] {"payer_id", "code", "modifier", "valid_from"}, new String[] {"allowed_amount", "valid_to"}, 1);

    @Override
    public ImportKind kind() {
        return ImportKind.FEE_SCHEDULE;
    }

    @Override
    protected boolean isData(String line) {
        return !Fields.at(Fields.split(line), 0).trim().toLowerCase(Locale.ROOT).startsWith("payer");
    }

    @Override
    protected KeyedTable.Row parse(ImportRun run, long lineNo, String line) throws FieldError {
        List<String> f = Fields.split(line);
        if (f.size() < 5) throw new FieldError("has " + f.size() + " fields, expected 6 (payer id, code, modifier, allowed amount, valid from, valid to)");
        String payer = Fields.maxLength("payer id", Fields.required("payer id", f.get(0)).toUpperCase(Locale.ROOT), 20);
        String code = Fields.procedureCode("code", f.get(1));
        String modifier = Fields.optional(f.get(2));
        if (modifier != null && !modifier.toUpperCase(Locale.ROOT).matches("[0-9A-Z]{2}")) throw new FieldError("modifier '" + modifier + "' is not two letters or digits");
        BigDecimal amount = Fields.amount("allowed amount", f.get(3));
        LocalDate from = Fields.date("valid from", f.get(4), false);
        LocalDate to = Fields.date("valid to", Fields.at(f, 5), true);
        if (to != null && to.isBefore(from)) throw new FieldError("valid to " + to + " is before valid from " + from);
        return new KeyedTable.Row(new Object[] {payer, code, modifier == null ? null : modifier.toUpperCase(Locale.ROOT), from}, new Object[] {amount, to});
    }

    @Override
    protected void write(ImportRun run, List<Parsed<KeyedTable.Row>> chunk) {
        TABLE.write(run, chunk);
    }
}
