package com.claimflow.base;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When the pool hands out connections with autocommit off ({@code spring.datasource.hikari.auto-commit: false}, the mysql
 * profile: issue #17, decision 0015), work done outside a Spring transaction (a {@code JdbcTemplate} call on its own, e.g.
 * next task's conditional claim) must still commit as it did under autocommit: a connection closed outside a transaction is
 * committed first. Inside a transaction Spring commits or rolls back; the commit at close then has nothing to send (the
 * driver's {@code useLocalTransactionState} sends COMMIT only when the server says a transaction is open). With autocommit
 * on (H2, the default) nothing is wrapped.
 */
@Component
class ManualCommitConnections implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof HikariDataSource pool && !pool.isAutoCommit() ? new CommitOnClose(pool) : bean;
    }

    static final class CommitOnClose extends DelegatingDataSource {
        CommitOnClose(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(super.getConnection(username, password));
        }

        static Connection wrap(Connection c) {
            return (Connection) Proxy.newProxyInstance(ManualCommitConnections.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            try {
                                if (!c.isClosed() && !c.getAutoCommit() && !TransactionSynchronizationManager.isActualTransactionActive()) c.commit();
                            } finally {
                                c.close();
                            }
                            return null;
                        }
                        if (method.getName().equals("unwrap") && args[0] instanceof Class<?> type && type.isInstance(c)) return c;
                        if (method.getName().equals("isWrapperFor") && args[0] instanceof Class<?> type && type.isInstance(c)) return true;
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
