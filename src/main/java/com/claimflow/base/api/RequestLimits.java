package com.claimflow.base.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body each kind of {@code /api} endpoint reads ({@code claimflow.limits}; the reason for each value
 * is in config/application.yml): reference imports, inbound X12 files, encounter batch files, and JSON for everything else.
 */
@ConfigurationProperties("claimflow.limits")
public record RequestLimits(DataSize json, DataSize x12, DataSize imports, DataSize batches) {
    public static final String IMPORTS_PATH = "/api/admin/imports";
    public static final String BATCHES_PATH = "/api/intake/batches";
    public static final String X12_PATH = "/api/edi/inbound";

    public RequestLimits {
        json = json == null ? DataSize.ofMegabytes(1) : json;
        x12 = x12 == null ? DataSize.ofMegabytes(64) : x12;
        imports = imports == null ? DataSize.ofGigabytes(1) : imports;
        batches = batches == null ? DataSize.ofMegabytes(10) : batches;
    }

    /** One limit: its setting's name, its size, and whether the endpoint streams the body (files) or reads it whole (JSON). */
    public record Limit(String name, DataSize size, boolean streamed) {
        public long bytes() {
            return size.toBytes();
        }
    }

    /** The limit of a path under {@code /api}. */
    public Limit forPath(String path) {
        if (path.startsWith(IMPORTS_PATH)) return new Limit("claimflow.limits.imports", imports, true);
        if (path.startsWith(BATCHES_PATH)) return new Limit("claimflow.limits.batches", batches, true);
        if (path.startsWith(X12_PATH)) return new Limit("claimflow.limits.x12", x12, true);
        return new Limit("claimflow.limits.json", json, false);
    }
}
