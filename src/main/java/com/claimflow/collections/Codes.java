package com.claimflow.collections;

import com.claimflow.base.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads a fixed code (an enum constant's name, any case) from a form or request; blank or unknown names its field and the list. */
final class Codes {
    private Codes() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) throw new BadInputException(field, "is required: one of " + list(type));
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(field, "'" + value.strip() + "' is not one of " + list(type));
        }
    }

    static String list(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
