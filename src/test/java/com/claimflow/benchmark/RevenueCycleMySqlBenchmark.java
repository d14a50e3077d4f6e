package com.claimflow.benchmark;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo encounter mix end to end on MySQL/MariaDB (profiles test,mysql), in a database of its own
 * ({@code claimflow_bench_e2e} unless {@code -Dbench.e2e.db.url} says otherwise). See docs/benchmarks.md.
 */
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class RevenueCycleMySqlBenchmark extends AbstractRevenueCycleBenchmark {
    static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/claimflow_bench_e2e?createDatabaseIfNotExist=true&sendFractionalSeconds=false"
            + "&nullCatalogMeansCurrent=true&useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true"
            + "&queryInterceptors=" + StatementCounter.class.getName();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = url();
        if (!url.contains("claimflow_bench")) throw new IllegalStateException("refusing to benchmark on a database not named claimflow_bench*: " + url);
        registry.add("spring.datasource.url", () -> url);
    }

    @Override
    String databaseName() {
        return "MySQL";
    }

    static String url() {
        return System.getProperty("bench.e2e.db.url", DEFAULT_URL);
    }

    @Override
    String meterUrl() {
        return url().replaceFirst("/[^/?]+\\?", "/?").replaceFirst("&queryInterceptors=[^&]*", "");   // its looks are not the product's
    }

    @Override
    String meterDatabase() {
        return url().replaceFirst("^.*://[^/]+/([^?]+).*$", "$1");
    }
}
