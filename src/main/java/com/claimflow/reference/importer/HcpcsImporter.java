package com.claimflow.reference.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CMS HCPCS Level II annual alpha-numeric file (HCPC20xx_ANWEB*.txt, 320-character records). Positions implemented
 * (1-based, inclusive, from the CMS record layout): code 1-5 (modifiers are 2 characters, left-justified), sequence
 * number 6-10, record identification 11 (3 = first line of a procedure, 4 = its continuation, 7 = first line of a
 * modifier, 8 = its continuation), long description 12-91 (continued on 4/8 lines), short description 92-119, code
 * added date 269-276, action effective date 277-284, termination date 285-292 (all yyyyMMdd, blank when none), action
 * code 293. A procedure becomes an HCPCS entry, a modifier a MODIFIER entry, valid from the added date (the action
 * effective date when no added date) through the termination date.
 */
final class HcpcsImporter extends LineImporter<KeyedTable.Row> {
    private static final KeyedTable TABLE = new KeyedTable("code_set_entry",
            new String[] {"code_system", "code", "valid_from"}, new String[] {"billable", "description", "valid_to"}, 1);

    /** One code being assembled from its first line and continuations. */
    private static final class Pending {
        final long line;
        final String system;
        final String code;
        final StringBuilder description;
        final LocalDate from;
        final LocalDate to;

        Pending(long line, String system, String code, String description, LocalDate from, LocalDate to) {
            this.line = line;
            this.system = system;
            this.code = code;
            this.description = new StringBuilder(description);
            this.from = from;
            this.to = to;
        }

        KeyedTable.Row row() {
            String d = description.toString().trim();
            if (d.length() > 255) d = d.substring(0, 255);
            return new KeyedTable.Row(new Object[] {system, code, from}, new Object[] {true, d, to});
        }
    }

    private Pending pending;
    private final List<Parsed<KeyedTable.Row>> tail = new ArrayList<>();

    @Override
    public ImportKind kind() {
        return ImportKind.HCPCS;
    }

    @Override
    protected void start(ImportRun run) {
        pending = null;
    }

    @Override
    protected boolean isData(String line) {
        return line.length() >= 11 && "3478".indexOf(line.charAt(10)) >= 0 && !Fields.slice(line, 1, 5).isBlank();
    }

    @Override
    protected KeyedTable.Row parse(ImportRun run, long lineNo, String line) throws FieldError {
        if (line.length() < 91) throw new FieldError("is " + line.length() + " characters long: an HCPCS record has 320 (at least 91 for a description line)");
        String code = Fields.slice(line, 1, 5).trim().toUpperCase(Locale.ROOT);
        char recordId = line.charAt(10);
        String longPart = Fields.slice(line, 12, 91).trim();
        switch (recordId) {
            case '4', '8' -> {
                if (pending == null || !pending.code.equals(code)) {
                    throw new FieldError("continuation of " + code + " (record id " + recordId + ") follows " + (pending == null ? "no code" : pending.code));
                }
                pending.description.append(' ').append(longPart);
                return null;
            }
            case '3', '7' -> {
                boolean modifier = recordId == '7';
                if (modifier ? !code.matches("[0-9A-Z]{2}") : !code.matches("[A-Z][0-9]{4}|[0-9]{4}[0-9A-Z]")) {
                    throw new FieldError((modifier ? "modifier" : "HCPCS code") + " '" + code + "' (positions 1-5) is not valid");
                }
                if (line.length() < 292) throw new FieldError("is " + line.length() + " characters long: a first line of a code has 320 (dates at 269-292)");
                LocalDate added = Fields.yyyymmdd("code added date (positions 269-276)", Fields.slice(line, 269, 276), true);
                LocalDate action = Fields.yyyymmdd("action effective date (positions 277-284)", Fields.slice(line, 277, 284), true);
                LocalDate terminated = Fields.yyyymmdd("termination date (positions 285-292)", Fields.slice(line, 285, 292), true);
                LocalDate from = added != null ? added : action;
                if (from == null) throw new FieldError("code added date and action effective date (positions 269-284) are both empty");
                if (terminated != null && terminated.isBefore(from)) throw new FieldError("termination date " + terminated + " is before the added date " + from);
                Pending done = pending;
                pending = new Pending(lineNo, modifier ? "MODIFIER" : "HCPCS", code, longPart.isEmpty() ? Fields.slice(line, 92, 119).trim() : longPart, from, terminated);
                return done == null ? null : done.row();
            }
            default -> throw new FieldError("record identification '" + recordId + "' (position 11) is not 3, 4, 7 or 8");
        }
    }

    @Override
    protected void write(ImportRun run, List<Parsed<KeyedTable.Row>> chunk) {
        TABLE.write(run, chunk);
    }

    @Override
    protected void finish(ImportRun run) {
        if (pending != null) {
            tail.clear();
            tail.add(new Parsed<>(pending.line, pending.row()));
            TABLE.write(run, tail);
            pending = null;
        }
    }
}
