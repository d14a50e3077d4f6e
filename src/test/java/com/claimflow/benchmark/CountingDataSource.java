package com.claimflow.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the statements and commits this JVM sends, split into the benchmark's own (its reads of what to do next, run inside
 * {@link #own}) and the product's. MariaDB's global counters see both; the benchmark subtracts its own to report what the
 * product costs. A call counted here is one round trip except a batch, which the driver may send as one statement
 * ({@code rewriteBatchedStatements}); the server's counters are the figure that counts, this split is only the part to take off.
 */
final class CountingDataSource {
    static final AtomicLong ownStatements = new AtomicLong();
    static final AtomicLong ownCommits = new AtomicLong();
    static final AtomicLong ownSets = new AtomicLong();
    /** CPU time the benchmark's own reads took in its threads (the JVM's CPU figure is the product's without it). */
    static final AtomicLong ownCpuNanos = new AtomicLong();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    static final AtomicLong productStatements = new AtomicLong();
    private static final ThreadLocal<Boolean> OWN = ThreadLocal.withInitial(() -> false);

    private CountingDataSource() {
    }

    /** Whether this thread is running the benchmark's own reads ({@link StatementCounter} leaves them out). */
    static boolean isOwn() {
        return OWN.get();
    }

    /** Runs the benchmark's own reads: their statements are not the product's. */
    static <T> T own(Supplier<T> work) {
        boolean was = OWN.get();
        OWN.set(true);
        long cpu0 = was ? 0 : THREADS.getCurrentThreadCpuTime();
        try {
            return work.get();
        } finally {
            OWN.set(was);
            if (!was) ownCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
        }
    }

    static void own(Runnable work) {
        own(() -> {
            work.run();
            return null;
        });
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Wrap {
        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && !(Proxy.isProxyClass(bean.getClass())) ? wrap(ds) : bean;
                }
            };
        }
    }

    static DataSource wrap(DataSource target) {
        return (DataSource) proxy(target, DataSource.class, (p, m, a) -> {
            Object r = invoke(target, m, a);
            return r instanceof Connection c ? proxy(c, Connection.class, connection(c)) : r;
        });
    }

    private static InvocationHandler connection(Connection c) {
        boolean[] state = new boolean[2]; // autocommit, read-only as the driver keeps them (useLocalSessionState)
        boolean readOnlySent; // Connector/J sends SET SESSION TRANSACTION READ ONLY/WRITE unless readOnlyPropagatesToServer=false
        try {
            state[0] = c.getAutoCommit();
            state[1] = c.isReadOnly();
            readOnlySent = !c.isWrapperFor(com.mysql.cj.jdbc.JdbcConnection.class) || c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class)
                    .getPropertySet().getBooleanProperty(com.mysql.cj.conf.PropertyKey.readOnlyPropagatesToServer).getValue();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return (p, m, a) -> {
            String name = m.getName();
            boolean own = OWN.get();
            if (name.equals("commit") && own) {
                ownCommits.incrementAndGet();
                ownStatements.incrementAndGet(); // COMMIT is a statement too
            }
            // SET autocommit / SET SESSION TRANSACTION READ ONLY|WRITE: sent when the state changes
            if ((name.equals("setAutoCommit") || name.equals("setReadOnly")) && a != null && a.length == 1) {
                int i = name.equals("setAutoCommit") ? 0 : 1;
                boolean v = (Boolean) a[0];
                if (v != state[i] && own && (i == 0 || readOnlySent)) ownSets.incrementAndGet();
                state[i] = v;
            }
            Object r = invoke(c, m, a);
            if (r instanceof Statement s) {
                Class<?> type = m.getReturnType();
                return proxy(s, type, (sp, sm, sa) -> {
                    if (sm.getName().startsWith("execute")) (OWN.get() ? ownStatements : productStatements).incrementAndGet();
                    return invoke(s, sm, sa);
                });
            }
            return r;
        };
    }

    private static Object proxy(Object target, Class<?> type, InvocationHandler handler) {
        return Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getName().equals("unwrap") && a != null && a.length == 1 && ((Class<?>) a[0]).isInstance(target)) return target;
            if (m.getName().equals("isWrapperFor") && a != null && a.length == 1 && ((Class<?>) a[0]).isInstance(target)) return true;
            return handler.invoke(p, m, a);
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] a) throws Throwable {
        try {
            return m.invoke(target, a);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
