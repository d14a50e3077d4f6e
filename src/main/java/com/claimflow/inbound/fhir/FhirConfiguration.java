package com.claimflow.inbound.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One FHIR R4 context for the whole application: building it scans every resource class, which takes seconds. */
@Configuration
@EnableConfigurationProperties(FhirSettings.class)
class FhirConfiguration {
    @Bean
    FhirContext fhirR4() {
        return FhirContext.forR4();
    }
}
