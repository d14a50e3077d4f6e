package com.claimflow.inbound.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The FHIR channel's settings ({@code claimflow.fhir}; the reason for each value is in config/application.yml): the
 * largest bundle {@code POST /fhir/Bundle} reads, and the identifier system the product's encounters carry when read
 * back as FHIR Encounters.
 */
@ConfigurationProperties("claimflow.fhir")
public record FhirSettings(DataSize maxBundleSize, String visitIdentifierSystem) {
    public FhirSettings {
        maxBundleSize = maxBundleSize == null ? DataSize.ofMegabytes(10) : maxBundleSize;
        visitIdentifierSystem = visitIdentifierSystem == null || visitIdentifierSystem.isBlank() ? "urn:claimflow:visit" : visitIdentifierSystem;
    }
}
