package com.claimflow.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * HTTP on a bare socket, for request-size tests: a declared length or a chunked body the server should refuse before
 * reading it all, which HTTP clients will not send as asked.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /**
     * Sends the head and the body parts until the server stops reading, and returns its answer, read until it holds
     * {@code until} (the end of the JSON the test expects) or the server closes.
     */
    public static String exchange(int port, String until, String head, byte[]... parts) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                for (byte[] part : parts) out.write(part);
                out.flush();
            } catch (IOException closedBeforeAllWasSent) {
                // the server answered and closed without reading the rest: what a size test wants
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains(until)) break;
                }
            } catch (IOException reset) {
                // a reset after the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** One chunk of a chunked body (RFC 9112 §7.1): its size in hex, {@code size} spaces, CRLF. */
    public static byte[] chunk(int size) {
        byte[] head = (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + size + 2];
        System.arraycopy(head, 0, all, 0, head.length);
        Arrays.fill(all, head.length, head.length + size, (byte) ' ');
        all[all.length - 2] = '\r';
        all[all.length - 1] = '\n';
        return all;
    }
}
