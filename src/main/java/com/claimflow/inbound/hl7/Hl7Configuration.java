package com.claimflow.inbound.hl7;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HL7 v2 channel: the inbox always (tests and tools hand it messages), the MLLP listener only with {@code
 * claimflow.hl7.enabled=true}, over TLS when {@code claimflow.hl7.tls.bundle} names an SSL bundle.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Hl7Settings.class)
class Hl7Configuration {

    @Bean
    @ConditionalOnProperty(prefix = "claimflow.hl7", name = "enabled", havingValue = "true")
    MllpListener mllpListener(Hl7Inbox inbox, Hl7Settings settings, SslBundles bundles) {
        Hl7Settings.Tls tls = settings.tls();
        if (!tls.enabled()) return new MllpListener(inbox, settings);
        SslBundle bundle;
        try {
            bundle = bundles.getBundle(tls.bundle());
        } catch (NoSuchSslBundleException e) {
            throw new IllegalStateException("claimflow.hl7.tls.bundle names SSL bundle '" + tls.bundle() + "', which spring.ssl.bundle does not define", e);
        }
        return new MllpListener(inbox, settings, MllpTls.of(tls.bundle(), bundle, tls.clientAuth()));
    }
}
