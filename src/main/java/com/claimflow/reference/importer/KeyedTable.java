package com.claimflow.reference.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table whose rows a file states outright (a CMS PTP row, a dated modifier, a fee): a row is found by its key
 * columns and inserted when missing, updated when its values differ, left alone (counted unchanged) when they match.
 * Rows the file does not mention are kept (CMS files carry deleted edits with their deletion dates).
 */
final class KeyedTable {
    record Row(Object[] key, Object[] values) {
    }

    private record Existing(Object id, String values) {
    }

    private final String table;
    private final String idColumn;
    private final String[] keyColumns;
    private final String[] valueColumns;
    private final int lookupKey;

    /** {@code lookupKey}: the chunk query finds existing rows by key columns 0..lookupKey (the leading columns of an index). */
    KeyedTable(String table, String[] keyColumns, String[] valueColumns, int lookupKey) {
        this(table, "id", keyColumns, valueColumns, lookupKey);
    }

    KeyedTable(String table, String idColumn, String[] keyColumns, String[] valueColumns, int lookupKey) {
        this.table = table;
        this.idColumn = idColumn;
        this.keyColumns = keyColumns;
        this.valueColumns = valueColumns;
        this.lookupKey = lookupKey;
    }

    void write(ImportRun run, List<LineImporter.Parsed<Row>> chunk) {
        Map<String, Object[]> lookups = new java.util.LinkedHashMap<>();
        for (var p : chunk) {
            Object[] prefix = java.util.Arrays.copyOf(p.record().key(), lookupKey + 1);
            lookups.putIfAbsent(Db.canonical(prefix), prefix);
        }
        // one indexed equality branch per key prefix: H2 uses only the first column of a composite index for IN lists
        String where = String.join(" AND ", java.util.Arrays.stream(keyColumns, 0, lookupKey + 1).map(c -> c + " = ?").toList());
        String branch = "SELECT " + idColumn + ", " + String.join(", ", keyColumns) + ", " + String.join(", ", valueColumns) + " FROM " + table
                + " WHERE " + where;
        String select = String.join(" UNION ALL ", java.util.Collections.nCopies(lookups.size(), branch));
        Object[] lookupArgs = lookups.values().stream().flatMap(java.util.Arrays::stream).toArray();
        Map<String, Existing> existing = new HashMap<>();
        run.jdbc.query(select, rs -> {
            Object[] k = new Object[keyColumns.length];
            Object[] v = new Object[valueColumns.length];
            for (int i = 0; i < k.length; i++) k[i] = rs.getObject(2 + i);
            for (int i = 0; i < v.length; i++) v[i] = rs.getObject(2 + k.length + i);
            existing.put(Db.canonical(k), new Existing(rs.getObject(1), Db.canonical(v)));
        }, lookupArgs);

        Map<String, Long> seen = new HashMap<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (var p : chunk) {
            Row r = p.record();
            String key = Db.canonical(r.key());
            Long first = seen.putIfAbsent(key, p.line());
            if (first != null) {
                run.error(p.line(), "repeats the row of line " + first + " (" + String.join(", ", keyColumns) + ")");
                continue;
            }
            Existing e = existing.get(key);
            if (e == null) {
                Object[] args = new Object[keyColumns.length + valueColumns.length];
                System.arraycopy(r.key(), 0, args, 0, keyColumns.length);
                System.arraycopy(r.values(), 0, args, keyColumns.length, valueColumns.length);
                inserts.add(args);
            } else if (e.values().equals(Db.canonical(r.values()))) {
                run.unchanged++;
            } else {
                Object[] args = new Object[valueColumns.length + 1];
                System.arraycopy(r.values(), 0, args, 0, valueColumns.length);
                args[valueColumns.length] = e.id();
                updates.add(args);
            }
        }
        if (run.failed()) return;
        if (!inserts.isEmpty()) {
            run.jdbc.batchUpdate("INSERT INTO " + table + " (" + String.join(", ", keyColumns) + ", " + String.join(", ", valueColumns)
                    + ") VALUES (" + Db.placeholders(keyColumns.length + valueColumns.length) + ")", inserts);
            run.inserted += inserts.size();
        }
        if (!updates.isEmpty()) {
            run.jdbc.batchUpdate("UPDATE " + table + " SET " + String.join(" = ?, ", valueColumns) + " = ? WHERE " + idColumn + " = ?", updates);
            run.updated += updates.size();
        }
    }
}
