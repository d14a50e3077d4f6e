package com.claimflow.benchmark;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.PreparedQuery;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.jdbc.ClientPreparedStatement;
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

/**
 * Counts the statements this JVM sends to MySQL/MariaDB, by their first words, whatever else uses the server: a
 * Connector/J query interceptor ({@code queryInterceptors=com.claimflow.benchmark.StatementCounter} on the JDBC URL).
 * Commits, rollbacks and autocommit switches are statements too and are counted as such. The lifecycle benchmark's own
 * reads ({@link OwnReads#own}) are counted apart, as statements, commits and {@code SET}s to take off the server's counters.
 */
public class StatementCounter implements QueryInterceptor {
    /**
     * Counts by a statement's own text (a prepared one's with its placeholders): a map lookup per statement, so the
     * counting costs the measured JVM little; shapes are made when a snapshot is taken.
     */
    private static final Map<String, LongAdder> BY_TEXT = new ConcurrentHashMap<>();
    /** Counts by shape of the long unprepared statements (their values are in their text). */
    private static final Map<String, LongAdder> BY_SHAPE = new ConcurrentHashMap<>();
    /** Whether the product's statements are counted by text (off in the parallel run, which does not report them). */
    static volatile boolean byText = true;

    /** The counts so far, by statement shape (its first 70 characters, numbers and strings blanked). */
    static Map<String, Long> snapshot() {
        Map<String, Long> shapes = new java.util.HashMap<>();
        BY_SHAPE.forEach((shape, n) -> shapes.merge(shape, n.sum(), Long::sum));
        BY_TEXT.forEach((text, n) -> shapes.merge(shape(text), n.sum(), Long::sum));
        return shapes;
    }

    static String shape(String text) {
        String shape = text.strip().replaceAll("'[^']*'", "?").replaceAll("\\b\\d+\\b", "N").replaceAll("\\s+", " ");
        if (shape.length() > 70) shape = shape.substring(0, 70);
        return shape.toLowerCase(Locale.ROOT);
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
        // a prepared statement's own text, never sql.get(), which would print every parameter into it (and cost the measured
        // JVM more than the statement); the driver passes the statement itself, whose query holds the text
        boolean prepared = interceptedQuery instanceof ClientPreparedStatement || interceptedQuery instanceof PreparedQuery;
        String text = interceptedQuery instanceof ClientPreparedStatement statement ? statement.getPreparedSql()
                : interceptedQuery instanceof PreparedQuery query ? query.getOriginalSql() : sql.get();
        if (text == null) return null;
        if (OwnReads.isOwn()) { // the lifecycle benchmark's own reads: counted apart, to be taken off the server's counters
            if (startsWith(text, "SET ")) {
                OwnReads.ownSets.incrementAndGet();
            } else {
                OwnReads.ownStatements.incrementAndGet();
                if (startsWith(text, "COMMIT")) OwnReads.ownCommits.incrementAndGet();
            }
        } else if (byText) {
            // short unprepared ones (COMMIT, SET autocommit=0) repeat word for word like prepared ones; long unprepared ones
            // have their values in them and are shaped as they come
            if (prepared || text.length() <= 64) count(BY_TEXT, text);
            else count(BY_SHAPE, shape(text));
        }
        return null;
    }

    private static boolean startsWith(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static void count(Map<String, LongAdder> counts, String key) {
        LongAdder n = counts.get(key);
        if (n == null) n = counts.computeIfAbsent(key, k -> new LongAdder());
        n.increment();
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
