package com.claimflow.rules;

import java.time.Instant;

/**
 * One engine version of a table. {@code deployedBy} and {@code reason} come from ClaimFlow's record; a version without
 * one was shipped with the product (auto-deployed at start-up) or deployed outside ClaimFlow, which {@code origin} says.
 */
public record RuleVersion(String key, int version, String deploymentId, Instant deployedAt, String deployedBy, String reason,
                          Integer restoredFrom, String origin, boolean current) {
    public static final String SHIPPED = "shipped with the product";
    public static final String UPLOADED = "uploaded";
    public static final String RESTORED = "restored";

    public String downloadPath() {
        return "/api/rules/" + key + "/versions/" + version + "/dmn";
    }
}
