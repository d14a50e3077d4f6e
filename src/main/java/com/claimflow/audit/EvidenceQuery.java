package com.claimflow.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** A filter as an export link's query string: the parameters that are set, in order, URL-encoded. */
public final class EvidenceQuery {
    private EvidenceQuery() {
    }

    public static String of(Map<String, ?> parameters) {
        return parameters.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
