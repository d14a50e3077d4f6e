package com.claimflow.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * An evidence export as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled).
 * A cell a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return before one) gets a
 * leading apostrophe, so opening an export never runs what someone typed into a reason or a user id.
 */
public final class EvidenceCsv implements AutoCloseable {
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private final Writer out;

    public EvidenceCsv(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    public EvidenceCsv row(Object... cells) {
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) out.write(',');
                out.write(cell(cells[i]));
            }
            out.write("\r\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One field as written: neutralised, then quoted when it must be. */
    public static String cell(Object value) {
        if (value == null) return "";
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        flush();
    }
}
