package com.claimflow.remittance.inbound;

import com.claimflow.remittance.InboundFiles;
import com.claimflow.remittance.InboundResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The file-drop inbox: files the clearinghouse's agent leaves in {@code claimflow.clearinghouse.inbox} are received
 * one by one (oldest name first) and moved to {@code processed/} or {@code refused/} beside them. A crash between
 * receiving and moving receives the file again next time, which is then a recorded duplicate.
 * Names starting with a dot (files still being written) are left alone.
 */
@Component
@ConditionalOnProperty(name = "claimflow.clearinghouse.inbox-poll", havingValue = "true", matchIfMissing = true)
public class InboxFolder {
    private static final Logger log = LoggerFactory.getLogger(InboxFolder.class);
    private final InboundFiles files;
    private final Path inbox;

    public InboxFolder(InboundFiles files, @Value("${claimflow.clearinghouse.inbox:./data/clearinghouse/inbox}") Path inbox) {
        this.files = files;
        this.inbox = inbox;
    }

    @Scheduled(fixedDelayString = "${claimflow.clearinghouse.inbox-poll-millis:5000}", initialDelay = 10_000)
    public void scheduled() {
        poll();
    }

    /** Receives every file waiting now; returns how many. */
    public int poll() {
        if (!Files.isDirectory(inbox)) return 0;
        List<Path> waiting;
        try (Stream<Path> list = Files.list(inbox)) {
            waiting = list.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            log.warn("inbox {} cannot be listed: {}", inbox, e.getMessage());
            return 0;
        }
        int n = 0;
        for (Path file : waiting) {
            try {
                InboundResult result;
                try (InputStream in = Files.newInputStream(file)) {
                    result = files.receive(in, "INBOX", file.getFileName().toString(), "clearinghouse");
                }
                Path to = inbox.resolve(result.status().equals("PROCESSED") || result.status().equals("DUPLICATE") ? "processed" : "refused");
                Files.createDirectories(to);
                Files.move(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                n++;
            } catch (IOException | RuntimeException e) {
                log.warn("inbox file {} not received, will retry: {}", file, e.getMessage());
            }
        }
        return n;
    }

    public Path folder() {
        return inbox;
    }
}
