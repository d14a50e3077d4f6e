package com.claimflow.benchmark;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Counts the statements this JVM sends to MySQL/MariaDB, by their first words, whatever else uses the server: a
 * Connector/J query interceptor ({@code queryInterceptors=com.claimflow.benchmark.StatementCounter} on the JDBC URL).
 * Commits, rollbacks and autocommit switches are statements too and are counted as such; the lifecycle benchmark's own
 * reads ({@link CountingDataSource#own}) are not.
 */
public class StatementCounter implements QueryInterceptor {
    private static final Map<String, LongAdder> BY_SHAPE = new ConcurrentHashMap<>();

    /** The counts so far, by statement shape (its first 70 characters, numbers and strings blanked). */
    static Map<String, Long> snapshot() {
        return BY_SHAPE.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
    }

    static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    static long matching(Map<String, Long> counts, String prefix) {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }

    /** The {@code top} shapes with the most statements between two snapshots, as "count  shape" lines. */
    static List<String> top(Map<String, Long> before, Map<String, Long> after, int top, double per) {
        return after.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(top)
                .map(e -> String.format(Locale.ROOT, "%8.2f  %s", e.getValue() / per, e.getKey())).toList();
    }

    @Override
    public QueryInterceptor init(MysqlConnection conn, Properties props, Log log) {
        return this;
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query interceptedQuery) {
        if (CountingDataSource.isOwn()) return null;   // the lifecycle benchmark's own reads are not the product's
        String text = sql.get();
        if (text == null) return null;
        String shape = text.strip().replaceAll("'[^']*'", "?").replaceAll("\\b\\d+\\b", "N").replaceAll("\\s+", " ");
        if (shape.length() > 70) shape = shape.substring(0, 70);
        BY_SHAPE.computeIfAbsent(shape.toLowerCase(Locale.ROOT), k -> new LongAdder()).increment();
        return null;
    }

    @Override
    public boolean executeTopLevelOnly() {
        return true;
    }

    @Override
    public void destroy() {
    }

    @Override
    public <T extends Resultset> T postProcess(Supplier<String> sql, Query interceptedQuery, T originalResultSet, ServerSession serverSession) {
        return null;
    }
}
