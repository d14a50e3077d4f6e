package com.claimflow.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.demo.DemoUsers;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request bodies over their limit (claimflow.limits) get 413 as an RFC 9457 problem naming the limit, before the body is
 * read whole: the tests send only part of a declared body, or a chunked body that never ends, and still get the answer.
 */
class RequestSizeLimitIT extends ApiTestBase {
    @LocalServerPort int port;

    private String head(String user, String method, String path, String contentType, String lengthHeader) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth + "\r\nContent-Type: " + contentType
                + "\r\n" + lengthHeader + "\r\n\r\n";
    }

    @Test
    void aJsonBodyDeclaredOverTheLimitIsRefusedBeforeItIsSent() throws IOException {
        String answer = RawHttp.exchange(port, "}", head("bella", "POST", "/api/scrub", "application/json", "Content-Length: 20000000"), "{\"lines\": [".getBytes());
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("\"limit\":\"claimflow.limits.json\"")
                .contains("\"maxBytes\":1048576");
    }

    @Test
    void aChunkedJsonBodyIsRefusedOnceItPassesTheLimitThoughItNeverEnds() throws IOException {
        byte[][] parts = new byte[18][];
        for (int i = 0; i < parts.length; i++) parts[i] = RawHttp.chunk(64 * 1024); // 1.125 MB, and no last chunk
        String answer = RawHttp.exchange(port, "}", head("bella", "POST", "/api/scrub", "application/json", "Transfer-Encoding: chunked"), parts);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("claimflow.limits.json");
    }

    @Test
    void aChunkedJsonBodyWithinTheLimitIsRead() throws IOException {
        String claim = ScrubLimitsIT.claim("PROFESSIONAL", LocalDate.now().minusDays(3).toString(), "1970-05-17", ScrubLimitsIT.lines(1));
        byte[] body = claim.getBytes(StandardCharsets.UTF_8);
        byte[] chunked = (Integer.toHexString(body.length) + "\r\n" + claim + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        String answer = RawHttp.exchange(port, "}", head("bella", "POST", "/api/scrub", "application/json", "Transfer-Encoding: chunked"), chunked);
        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"findings\"");
    }

    @Test
    void filesHaveLargerLimitsOfTheirOwn() throws IOException {
        assertThat(RawHttp.exchange(port, "}", head("bella", "POST", "/api/edi/inbound", "text/plain", "Content-Length: " + (64L * 1024 * 1024 + 1)), "ISA*".getBytes()))
                .startsWith("HTTP/1.1 413").contains("claimflow.limits.x12");
        assertThat(RawHttp.exchange(port, "}", head("adam", "POST", "/api/admin/imports/pos", "multipart/form-data; boundary=x",
                "Content-Length: " + (1024L * 1024 * 1024 + 1)), "--x\r\n".getBytes()))
                .startsWith("HTTP/1.1 413").contains("claimflow.limits.imports");
        // 2 MB of JSON would be refused; as an X12 file it is read (and refused for what it is, not for its size)
        assertThat(RawHttp.exchange(port, "}", head("bella", "POST", "/api/edi/inbound", "text/plain", "Content-Length: " + 2 * 1024 * 1024), new byte[2 * 1024 * 1024]))
                .doesNotStartWith("HTTP/1.1 413");
    }
}
