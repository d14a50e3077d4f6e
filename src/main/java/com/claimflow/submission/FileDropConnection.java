package com.claimflow.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The default clearinghouse connection: files in an outbox folder the clearinghouse's agent picks up. */
@Component
public class FileDropConnection implements ClearinghouseConnection {
    private final Path outbox;

    public FileDropConnection(@Value("${claimflow.clearinghouse.outbox:./data/clearinghouse/outbox}") Path outbox) {
        this.outbox = outbox;
    }

    @Override
    public void deliver(OutboxMessage message) {
        try {
            Files.createDirectories(outbox);
            Path target = outbox.resolve(fileName(message));
            if (Files.exists(target)) return; // handed over before a crash: same name, same content
            Path tmp = outbox.resolve("." + message.handOffName() + ".tmp");
            Files.writeString(tmp, message.getPayload(), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("claim file " + message.handOffName() + " could not be written to " + outbox, e);
        }
    }

    /** X12 files end in .x12 (what clearinghouse agents pick up); anything else keeps .json. */
    public static String fileName(OutboxMessage message) {
        String format = message.getFormat() == null ? "" : message.getFormat();
        return message.handOffName() + (format.startsWith("X12") ? ".x12" : ".json");
    }
}
