package com.claimflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A second, independent X12 reader for tests: Debian's X12::Parser (libx12-parser-perl) with the loop definitions in
 * src/test/resources/x12/perl. Skipped where the package is absent, except on CI (CI=true), where that fails.
 */
public final class PerlX12Parser {
    private PerlX12Parser() {
    }

    static boolean present() {
        try {
            Process p = new ProcessBuilder("perl", "-MX12::Parser", "-e", "1").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** "loop segment,segment,..." per loop X12::Parser found, in file order (the SEPARATORS line left out). */
    public static List<String> loops(String x12, String cf, Path dir) throws Exception {
        boolean present = present();
        if (!present && "true".equals(System.getenv("CI"))) throw new AssertionError("CI must install libx12-parser-perl");
        Assumptions.assumeTrue(present, "Debian package libx12-parser-perl is not installed");
        Path file = Files.createTempFile(dir, "perl-", ".x12");
        Files.writeString(file, x12, StandardCharsets.US_ASCII);
        Path resources = Paths.get("src/test/resources/x12/perl").toAbsolutePath();
        Process p = new ProcessBuilder("perl", resources.resolve("loops.pl").toString(), file.toString(), resources.resolve(cf).toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().filter(l -> !l.startsWith("SEPARATORS")).map(l -> l.split(" ")[2] + " " + l.split(" ")[3]).toList();
    }
}
