package com.claimflow.inbound.hl7;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HL7 v2 channel: the inbox always (tests and tools hand it messages), the MLLP listener only with {@code claimflow.hl7.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Hl7Settings.class)
class Hl7Configuration {

    @Bean
    @ConditionalOnProperty(prefix = "claimflow.hl7", name = "enabled", havingValue = "true")
    MllpListener mllpListener(Hl7Inbox inbox, Hl7Settings settings) {
        return new MllpListener(inbox, settings);
    }
}
