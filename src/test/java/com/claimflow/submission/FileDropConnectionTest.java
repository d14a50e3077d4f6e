package com.claimflow.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDropConnectionTest {
    @TempDir Path dir;

    @Test
    void aFileAppearsOnceAndARepeatedHandOffOfTheSameFileWritesNothing() throws Exception {
        Path outbox = dir.resolve("outbox");
        Path file = Files.writeString(dir.resolve("batch.x12"), "ISA*...~\nIEA*1*000000001~\n");
        FileDropConnection connection = new FileDropConnection(outbox);
        // a crash while writing left half a file under the temporary name
        Files.createDirectories(outbox);
        Files.writeString(outbox.resolve(".837P-BCBS-000000001.x12.tmp"), "ISA*..");

        connection.deliver("837P-BCBS-000000001.x12", file);
        Path target = outbox.resolve("837P-BCBS-000000001.x12");
        assertThat(target).hasSameTextualContentAs(file);
        FileTime written = Files.getLastModifiedTime(target);
        Thread.sleep(20);
        connection.deliver("837P-BCBS-000000001.x12", file);
        assertThat(Files.getLastModifiedTime(target)).isEqualTo(written);
        try (var files = Files.list(outbox)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void anotherFileUnderANameAlreadyThereIsRefusedAndNothingIsOverwritten() throws Exception {
        Path outbox = dir.resolve("outbox");
        FileDropConnection connection = new FileDropConnection(outbox);
        connection.deliver("837P-BCBS-000000001.x12", Files.writeString(dir.resolve("old.x12"), "old claims"));
        Path other = Files.writeString(dir.resolve("new.x12"), "new claims");

        assertThatThrownBy(() -> connection.deliver("837P-BCBS-000000001.x12", other))
                .hasMessageContaining("837P-BCBS-000000001.x12 is already in").hasMessageContaining("not sent");
        assertThat(outbox.resolve("837P-BCBS-000000001.x12")).hasContent("old claims");
    }
}
