package com.claimflow.inbound.hl7;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The tests' side of MLLP framing (HL7 v2.5.1, appendix C): a message framed as a sender frames it, an answer read back. */
final class MllpFrames {
    private MllpFrames() {
    }

    /** Start block, the text in UTF-8, end block, carriage return. */
    static byte[] framed(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[body.length + 3];
        frame[0] = MllpListener.START_BLOCK;
        System.arraycopy(body, 0, frame, 1, body.length);
        frame[body.length + 1] = MllpListener.END_BLOCK;
        frame[body.length + 2] = '\r';
        return frame;
    }

    /**
     * The next answer frame's text, or null when the connection closed before its first byte. An IOException when the first
     * byte is not the start block (e.g. a TLS alert) or the frame does not end with end block and carriage return.
     */
    static String answer(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) return null;
        if (b != MllpListener.START_BLOCK) throw new IOException(String.format("the answer is not an MLLP frame (first byte 0x%02x)", b));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        while ((b = in.read()) >= 0 && b != MllpListener.END_BLOCK) text.write(b);
        if (b < 0) throw new IOException("the answer frame ended without its end block: " + text.toString(StandardCharsets.UTF_8));
        if ((b = in.read()) != '\r') throw new IOException(String.format("the end block is followed by 0x%02x, not a carriage return", b));
        return text.toString(StandardCharsets.UTF_8);
    }
}
