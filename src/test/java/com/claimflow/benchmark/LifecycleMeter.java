package com.claimflow.benchmark;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a measured window cost: MariaDB's global counters (statements = {@code Questions}, {@code Com_commit}, rows written =
 * {@code Handler_write + Handler_update + Handler_delete}, as MariaDB 10.11 has no {@code Innodb_rows_*}), this JVM's CPU time
 * with the JIT's compilation time taken off, mariadbd's CPU time from /proc, and whether another client was busy on the
 * server meanwhile (a look at the process list every 250 ms from a connection of its own, outside the product's pool).
 */
final class LifecycleMeter implements AutoCloseable {
    static final String[] COUNTERS = {"Questions", "Com_commit", "Com_rollback", "Com_select", "Com_insert", "Com_update", "Com_delete",
            "Com_set_option", "Handler_write", "Handler_update", "Handler_delete", "Innodb_data_fsyncs"};

    private final String url;
    private final String database;
    private Map<String, Long> status0;
    private long jvmCpu0, jit0, dbCpu0, wall0, own0, ownCommits0, ownSets0, ownCpu0;
    private String load0;
    private Thread watcher;
    private volatile boolean watching;
    final AtomicInteger samples = new AtomicInteger();
    final AtomicInteger busySamples = new AtomicInteger();
    volatile String busyExample = "";
    Result result;

    /** url: a JDBC URL of the same server; database: the product's database (its connections are not "another client"). */
    LifecycleMeter(String url, String database) {
        this.url = url;
        this.database = database;
    }

    void start() {
        load0 = loadAverage();
        status0 = status();
        own0 = OwnReads.ownStatements.get();
        ownCommits0 = OwnReads.ownCommits.get();
        ownSets0 = OwnReads.ownSets.get();
        ownCpu0 = OwnReads.ownCpuNanos.get();
        jvmCpu0 = WorkQueueBenchmark.jvmCpuNanos();
        jit0 = jitMillis();
        dbCpu0 = WorkQueueBenchmark.databaseCpuNanos();
        wall0 = System.nanoTime();
        watching = true;
        watcher = new Thread(this::watch, "bench-processlist");
        watcher.setDaemon(true);
        watcher.start();
    }

    Result stop() {
        long wall = System.nanoTime() - wall0;
        long ownCpu = OwnReads.ownCpuNanos.get() - ownCpu0;
        long jvm = WorkQueueBenchmark.jvmCpuNanos() - jvmCpu0 - ownCpu;
        long jit = jitMillis() - jit0;
        long db = WorkQueueBenchmark.databaseCpuNanos() - dbCpu0;
        watching = false;
        try {
            watcher.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, Long> status1 = status();
        Map<String, Long> delta = new LinkedHashMap<>();
        for (String k : COUNTERS) delta.put(k, status1.getOrDefault(k, 0L) - status0.getOrDefault(k, 0L));
        // the two SHOW STATUS and the watcher's looks are statements of this meter, not of the product
        long meter = 1 + samples.get();
        long ownSets = OwnReads.ownSets.get() - ownSets0;
        long own = OwnReads.ownStatements.get() - own0 + ownSets;
        long ownCommits = OwnReads.ownCommits.get() - ownCommits0;
        result = new Result(delta, own + meter, ownCommits, ownSets, wall, jvm, jit * 1_000_000L, db, load0, loadAverage(), samples.get(),
                busySamples.get(), busyExample);
        return result;
    }

    @Override
    public void close() {
        watching = false;
    }

    private void watch() {
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement()) {
            while (watching) {
                samples.incrementAndGet();
                try (ResultSet r = s.executeQuery("show full processlist")) { // not information_schema: that writes a temporary table
                    boolean busy = false;
                    while (r.next()) {
                        String command = r.getString("Command");
                        String db = r.getString("db");
                        String info = r.getString("Info");
                        if (command.equals("Sleep") || command.equals("Daemon") || database.equals(db)) continue;
                        if (info != null && info.startsWith("show full processlist")) continue;
                        busy = true;
                        String what = db + ": " + command + " " + (info == null ? "" : info.replaceAll("\\s+", " "));
                        busyExample = what.length() > 100 ? what.substring(0, 100) + "..." : what;
                    }
                    if (busy) busySamples.incrementAndGet();
                }
                Thread.sleep(250);
            }
        } catch (SQLException | InterruptedException e) {
            busyExample = "watcher failed: " + e;
        }
    }

    private Map<String, Long> status() {
        Map<String, Long> m = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("show global status where Variable_name in ('" + String.join("','", COUNTERS) + "')")) {
            while (r.next()) m.put(r.getString(1), r.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read MariaDB's global status at " + url, e);
        }
        return m;
    }

    /**
     * CPU time of the JIT's compiler threads in milliseconds: their utime + stime from /proc/self/task (threads named
     * "C1/C2 CompilerThre..."); CompilationMXBean's compilation time is wall time and grows with the machine's load. Falls
     * back to it where /proc is not there.
     */
    static long jitMillis() {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            long ticks = 0;
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (!comm.startsWith("C1 Compiler") && !comm.startsWith("C2 Compiler")) continue;
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended
                }
            }
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException noProc) {
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * A window's cost; own = statements of the benchmark and this meter (taken off); jvmCpuNanos is this JVM's CPU time less
     * what the benchmark's own reads took in its threads (JIT and GC included; jitNanos says how much was the JIT).
     */
    record Result(Map<String, Long> delta, long own, long ownCommits, long ownSets, long wallNanos, long jvmCpuNanos, long jitNanos, long dbCpuNanos,
            String loadStart, String loadEnd, int samples, int busySamples, String busyExample) {
        long statements() {
            return delta.get("Questions") - own;
        }

        long commits() {
            return delta.get("Com_commit") - ownCommits;
        }

        long setOptions() {
            return delta.get("Com_set_option") - ownSets;
        }

        long rowsWritten() {
            return delta.get("Handler_write") + delta.get("Handler_update") + delta.get("Handler_delete");
        }

        long jvmCpuWithoutJit() {
            return Math.max(0, jvmCpuNanos - jitNanos);
        }
    }
}
