package com.claimflow.reference;

/** A provider from the provider file: NPI, name, taxonomy, tax id (null for an individual billing under a group) and address. */
public record Provider(String npi, String name, String taxonomy, String tin, String address, String city, String state, String zip) {
}
