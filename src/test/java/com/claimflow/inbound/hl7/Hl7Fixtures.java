package com.claimflow.inbound.hl7;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The synthetic messages of src/test/resources/hl7 with their placeholders filled: ${VISIT} (PV1-19), ${MSGID} (MSH-10),
 * ${DOS} (three days ago) and ${NOW}; segments end in a carriage return as HL7 v2.5.1 2.6.1 requires.
 */
final class Hl7Fixtures {
    static final LocalDate DATE_OF_SERVICE = LocalDate.now().minusDays(3);

    private Hl7Fixtures() {
    }

    static String load(String name, String visit, String messageId) {
        try (InputStream in = Hl7Fixtures.class.getResourceAsStream("/hl7/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture hl7/" + name);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("${VISIT}", visit).replace("${MSGID}", messageId)
                    .replace("${DOS}", DATE_OF_SERVICE.format(DateTimeFormatter.BASIC_ISO_DATE))
                    .replace("${NOW}", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")))
                    .replace("\r\n", "\r").replace('\n', '\r');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String newVisit() {
        return "V" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    static String newMessageId() {
        return "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 15).toUpperCase();
    }

    /** Replaces one field of one segment (1-based, MSH counted as HL7 counts it: MSH-1 is the separator). */
    static String withField(String message, String segment, int occurrence, int field, String value) {
        String[] segments = message.split("\r", -1);
        int seen = 0;
        for (int i = 0; i < segments.length; i++) {
            if (!segments[i].startsWith(segment + "|")) continue;
            if (++seen != occurrence) continue;
            List<String> f = new ArrayList<>(List.of(segments[i].split("\\|", -1)));
            int index = segment.equals("MSH") ? field - 1 : field;
            while (f.size() <= index) f.add("");
            f.set(index, value);
            segments[i] = String.join("|", f);
        }
        return String.join("\r", segments);
    }

    /** The message without its segments of this name. */
    static String without(String message, String segment) {
        return String.join("\r", Arrays.stream(message.split("\r", -1)).filter(s -> !s.startsWith(segment + "|")).toList());
    }
}
