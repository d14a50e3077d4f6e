package com.claimflow.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The public demo audit key is allowed where the data is demo or test data: the demo profile as the default one (the
 * README's {@code mvn spring-boot:run}, no profile given) or active, the test profile; refused under any other active
 * profile, even when demo is still the default.
 */
class AuditConfigTest {
    private static MockEnvironment env(String[] active, String... defaults) {
        MockEnvironment env = new MockEnvironment();
        env.setDefaultProfiles(defaults);
        env.setActiveProfiles(active);
        return env;
    }

    @Test
    void theDemoProfileAsTheDefaultAllowsThePublicKey() {
        assertThat(AuditConfig.publicKeyAllowed(env(new String[0], "demo"))).isTrue();
    }

    @Test
    void anActiveDemoOrTestProfileAllowsIt() {
        assertThat(AuditConfig.publicKeyAllowed(env(new String[] {"demo"}, "default"))).isTrue();
        assertThat(AuditConfig.publicKeyAllowed(env(new String[] {"test"}, "default"))).isTrue();
    }

    @Test
    void anyOtherActiveProfileRefusesItEvenWithDemoAsTheDefault() {
        assertThat(AuditConfig.publicKeyAllowed(env(new String[] {"mysql"}, "demo"))).isFalse();
        assertThat(AuditConfig.publicKeyAllowed(env(new String[0], "default"))).isFalse();
    }
}
