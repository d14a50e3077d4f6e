package com.claimflow.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The profiles of integration tests: {@code test} on H2 by default; {@code test,mysql,mysql-it} when failsafe runs
 * with {@code -Pmysql-it} (it passes them as the {@code spring.profiles.active} system property).
 */
public class TestProfiles implements ActiveProfilesResolver {
    @Override
    public String[] resolve(Class<?> testClass) {
        return System.getProperty("spring.profiles.active", "test").split(",");
    }
}
