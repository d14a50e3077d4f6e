package com.claimflow.reference.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A table a file replaces as a whole release valid from an effective date (ICD-10-CM fiscal year, CPT year, MUE quarter).
 * Per code: unchanged when its open version says the same; otherwise the open version ends the day before and a new
 * one starts (or is corrected in place when it starts on the same day). Codes of the scope absent from the file end
 * the day before the release. Keys seen go to {@code reference_import_key} so that last step is one UPDATE.
 */
final class VersionedTable {
    record Row(String code, Object[] values) {
    }

    private record Open(long id, LocalDate validFrom, String values) {
    }

    private final String table;
    private final String scopeColumn;
    private final String[] valueColumns;

    VersionedTable(String table, String scopeColumn, String[] valueColumns) {
        this.table = table;
        this.scopeColumn = scopeColumn;
        this.valueColumns = valueColumns;
    }

    /** Refuses a release older than one already loaded: releases go in oldest first. */
    void checkOrder(ImportRun run, String scope, LocalDate effective) throws FieldError {
        java.sql.Date latest = run.jdbc.queryForObject("SELECT MAX(valid_from) FROM " + table + " WHERE " + scopeColumn + " = ?",
                java.sql.Date.class, scope);
        if (latest != null && latest.toLocalDate().isAfter(effective)) {
            throw new FieldError("a later release (valid from " + latest.toLocalDate() + ") is already loaded; this one is valid from "
                    + effective + ": import releases oldest first");
        }
    }

    void write(ImportRun run, String scope, LocalDate effective, List<LineImporter.Parsed<Row>> chunk) {
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (var p : chunk) codes.add(p.record().code());
        Map<String, Open> open = new HashMap<>();
        List<Object> args = new ArrayList<>();
        for (String code : codes) {
            args.add(scope);
            args.add(code);
        }
        // one indexed equality branch per code: H2 uses only the first column of a composite index for IN lists
        String branch = "SELECT id, code, valid_from, " + String.join(", ", valueColumns) + " FROM " + table + " WHERE " + scopeColumn
                + " = ? AND code = ? AND valid_to IS NULL";
        run.jdbc.query(String.join(" UNION ALL ", java.util.Collections.nCopies(codes.size(), branch)), rs -> {
            Object[] v = new Object[valueColumns.length];
            for (int i = 0; i < v.length; i++) v[i] = rs.getObject(4 + i);
            open.put(rs.getString(2), new Open(rs.getLong(1), rs.getDate(3).toLocalDate(), Db.canonical(v)));
        }, args.toArray());

        Map<String, Long> seen = new HashMap<>();
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> corrections = new ArrayList<>();
        List<Object[]> closes = new ArrayList<>();
        for (var p : chunk) {
            Row r = p.record();
            Long first = seen.putIfAbsent(r.code(), p.line());
            if (first != null) {
                run.error(p.line(), "code " + r.code() + " repeats line " + first);
                continue;
            }
            keys.add(new Object[] {run.id, r.code()});
            Open o = open.get(r.code());
            if (o != null && o.values().equals(Db.canonical(r.values()))) {
                run.unchanged++;
            } else if (o != null && o.validFrom().equals(effective)) {
                Object[] a = new Object[valueColumns.length + 1];
                System.arraycopy(r.values(), 0, a, 0, valueColumns.length);
                a[valueColumns.length] = o.id();
                corrections.add(a);
            } else {
                if (o != null) closes.add(new Object[] {effective.minusDays(1), o.id()});
                Object[] a = new Object[valueColumns.length + 3];
                a[0] = scope;
                a[1] = r.code();
                System.arraycopy(r.values(), 0, a, 2, valueColumns.length);
                a[valueColumns.length + 2] = effective;
                inserts.add(a);
            }
        }
        if (run.failed()) return;
        run.jdbc.batchUpdate("INSERT INTO reference_import_key (import_id, code) VALUES (?, ?)", keys);
        if (!closes.isEmpty()) {
            run.jdbc.batchUpdate("UPDATE " + table + " SET valid_to = ? WHERE id = ?", closes);
            run.updated += closes.size();
        }
        if (!corrections.isEmpty()) {
            run.jdbc.batchUpdate("UPDATE " + table + " SET " + String.join(" = ?, ", valueColumns) + " = ? WHERE id = ?", corrections);
            run.updated += corrections.size();
        }
        if (!inserts.isEmpty()) {
            run.jdbc.batchUpdate("INSERT INTO " + table + " (" + scopeColumn + ", code, " + String.join(", ", valueColumns)
                    + ", valid_from) VALUES (" + Db.placeholders(valueColumns.length + 3) + ")", inserts);
            run.inserted += inserts.size();
        }
    }

    /** Ends every open code of the scope the release no longer lists; clears the import's keys. */
    void finish(ImportRun run, String scope, LocalDate effective) {
        String absent = " AND NOT EXISTS (SELECT 1 FROM reference_import_key k WHERE k.import_id = ? AND k.code = " + table + ".code)";
        int removed = run.jdbc.update("DELETE FROM " + table + " WHERE " + scopeColumn + " = ? AND valid_to IS NULL AND valid_from >= ?" + absent,
                scope, effective, run.id);
        int ended = run.jdbc.update("UPDATE " + table + " SET valid_to = ? WHERE " + scopeColumn + " = ? AND valid_to IS NULL AND valid_from < ?" + absent,
                effective.minusDays(1), scope, effective, run.id);
        run.closed += removed + ended;
        run.jdbc.update("DELETE FROM reference_import_key WHERE import_id = ?", run.id);
    }
}
