package com.claimflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Reads RFC 9457 problems in tests: a refusal is a 400 whose {@code fields} name the field at fault. */
public final class Problems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** Asserts the answer is a 400 naming {@code field}, and returns what it says about it. */
    public static String refused(ResponseEntity<String> response, String field) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode fields = JSON.readTree(response.getBody()).get("fields");
        assertThat(fields).as(response.getBody()).isNotNull();
        assertThat(fields.has(field)).as(response.getBody()).isTrue();
        return fields.get(field).asText();
    }
}
