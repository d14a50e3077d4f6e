package com.claimflow.remittance.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps every inbound file exactly as received, streamed to disk (never held in memory), with its SHA-256 and size.
 * Files are grouped by the day received; the database record points at the stored path.
 */
@Component
public class InboundFileStore {
    private final Path root;

    public InboundFileStore(@Value("${claimflow.edi.store:./data/edi/inbound}") Path root) {
        this.root = root;
    }

    public record Stored(Path path, String sha256, long size, String head) {
    }

    public Stored store(InputStream in) {
        try {
            Path day = root.resolve(LocalDate.now().toString());
            Files.createDirectories(day);
            String name = UUID.randomUUID() + ".edi";
            Path tmp = day.resolve("." + name + ".tmp");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            byte[] head = new byte[512];
            int headLength = 0;
            try (DigestInputStream digest = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = digest.read(buffer); n >= 0; n = digest.read(buffer)) {
                    out.write(buffer, 0, n);
                    if (headLength < head.length) {
                        int take = Math.min(n, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    size += n;
                }
            }
            Path target = day.resolve(name);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return new Stored(target, HexFormat.of().formatHex(sha.digest()), size, new String(head, 0, headLength, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("inbound file could not be stored under " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public InputStream open(String storedPath) {
        try {
            return new java.io.BufferedInputStream(Files.newInputStream(Path.of(storedPath)), 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("stored inbound file " + storedPath + " cannot be read", e);
        }
    }
}
