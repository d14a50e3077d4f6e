package com.claimflow.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The default clearinghouse connection: files in an outbox folder the clearinghouse's agent picks up. A file appears
 * under its name only when complete (written under a dot-name, then moved atomically), and a name that is already
 * there is not written again: the same content is a hand-off repeated after a crash (nothing to do); other content
 * under the same name (say, a database restored while the folder kept newer files) is refused, never taken as sent.
 */
@Component
public class FileDropConnection implements ClearinghouseConnection {
    private final Path outbox;

    public FileDropConnection(@Value("${claimflow.clearinghouse.outbox:./data/clearinghouse/outbox}") Path outbox) {
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return "file-drop";
    }

    @Override
    public void deliver(String fileName, Path file) {
        try {
            Files.createDirectories(outbox);
            Path target = outbox.resolve(fileName);
            if (Files.exists(target)) {
                if (Files.mismatch(target, file) == -1) return; // handed over before a crash: same name, same content
                throw new IllegalStateException("claim file " + fileName + " is already in " + outbox
                        + " with other content: not overwritten and not sent; move the old file away once the clearinghouse has it");
            }
            Path tmp = outbox.resolve("." + fileName + ".tmp");
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("claim file " + fileName + " could not be written to " + outbox + ": " + e.getMessage(), e);
        }
    }

    public Path folder() {
        return outbox;
    }
}
