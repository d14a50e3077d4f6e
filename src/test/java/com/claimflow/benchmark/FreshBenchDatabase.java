package com.claimflow.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A benchmark's own MariaDB database, dropped and made anew for each run, and the product pointed at it. */
final class FreshBenchDatabase {
    static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    static final String OPTIONS = "?createDatabaseIfNotExist=true&sendFractionalSeconds=false&nullCatalogMeansCurrent=true&useSSL=false"
            + "&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";

    private FreshBenchDatabase() {
    }

    static void use(String database, DynamicPropertyRegistry registry) throws SQLException {
        if (!database.startsWith("claimflow_bench")) throw new IllegalStateException("a benchmark drops its database: only claimflow_bench* ones");
        try (Connection c = DriverManager.getConnection(SERVER + OPTIONS, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        registry.add("spring.datasource.url", () -> SERVER + database + OPTIONS);
    }
}
