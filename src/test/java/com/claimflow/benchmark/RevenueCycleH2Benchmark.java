package com.claimflow.benchmark;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The demo encounter mix end to end on the embedded database (test profile: private in-memory H2). See docs/benchmarks.md. */
@SpringBootTest
@ActiveProfiles("test")
class RevenueCycleH2Benchmark extends AbstractRevenueCycleBenchmark {
    @Override
    String databaseName() {
        return "H2";
    }
}
