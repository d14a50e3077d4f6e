package com.claimflow.audit.internal;

import com.claimflow.audit.AuditSettings;
import java.util.Arrays;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
@EnableConfigurationProperties(AuditSettings.class)
public class AuditConfig {
    private static final Set<String> PUBLIC_KEY_PROFILES = Set.of("demo", "test");

    /** The chain's key; the public demo key only where the data is demo or test data. */
    @Bean
    AuditMac auditMac(AuditSettings settings, Environment env) {
        if (AuditSettings.DEMO_KEY.equals(settings.key()) && !publicKeyAllowed(env)) {
            throw new IllegalStateException("claimflow.audit.key is the public demo key, which only the demo and test profiles may use: set "
                    + "CLAIMFLOW_AUDIT_KEY to a secret of at least " + AuditMac.MIN_KEY_LENGTH + " characters (e.g. openssl rand -base64 48); "
                    + "keep it, the chain sealed with it verifies only with it (docs/security.md)");
        }
        return new AuditMac(settings.key());
    }

    /**
     * Whether the profiles in force are demo or test ones. With no active profile Spring runs the default one
     * ({@code spring.profiles.default: demo}, what the README's {@code mvn spring-boot:run} gets), which
     * {@link Environment#getActiveProfiles()} does not list.
     */
    static boolean publicKeyAllowed(Environment env) {
        String[] inForce = env.getActiveProfiles().length > 0 ? env.getActiveProfiles() : env.getDefaultProfiles();
        return Arrays.stream(inForce).anyMatch(PUBLIC_KEY_PROFILES::contains);
    }
}
