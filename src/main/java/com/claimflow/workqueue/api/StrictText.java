package com.claimflow.workqueue.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/**
 * A JSON string and nothing else: Jackson would read the number 5 as "5", and a user id or a reason given as a number
 * is a mistake the caller should hear about (the problem names the field).
 */
class StrictText extends StdDeserializer<String> {
    StrictText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) return p.getText();
        throw MismatchedInputException.from(p, String.class, "expected a string, got " + describe(p.currentToken()));
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            default -> String.valueOf(token);
        };
    }
}
