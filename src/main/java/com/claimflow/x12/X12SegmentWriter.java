package com.claimflow.x12;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Writes an X12 interchange one segment at a time with StAEDI, one segment a line. An element is a {@code String} or,
 * for a composite, a {@code String[]} of components; empty elements and components at the end are left out, as the
 * guides require. What the segments mean is the caller's: this knows the syntax only.
 */
public final class X12SegmentWriter {
    private static final EDIOutputFactory FACTORY = EDIOutputFactory.newFactory();

    static {
        FACTORY.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
    }

    private final EDIStreamWriter w;

    private X12SegmentWriter(OutputStream out) {
        this.w = FACTORY.createEDIStreamWriter(out);
    }

    /** Starts the interchange with its ISA header. */
    public static X12SegmentWriter open(OutputStream out, Interchange interchange) throws EDIStreamException {
        X12SegmentWriter writer = new X12SegmentWriter(out);
        writer.w.startInterchange();
        writer.w.writeStartSegment("ISA");
        for (String e : interchange.isa()) writer.w.writeElement(e);
        writer.w.writeEndSegment();
        return writer;
    }

    public void segment(String id, Object... elements) throws EDIStreamException {
        int last = elements.length - 1;
        while (last >= 0 && empty(elements[last])) last--;
        w.writeStartSegment(id);
        for (int i = 0; i <= last; i++) {
            Object e = elements[i];
            if (e instanceof String[] composite) {
                int lc = composite.length - 1;
                while (lc >= 0 && (composite[lc] == null || composite[lc].isEmpty())) lc--;
                if (lc < 0) {
                    w.writeEmptyElement();
                    continue;
                }
                w.writeStartElement();
                for (int c = 0; c <= lc; c++) {
                    if (composite[c] == null || composite[c].isEmpty()) w.writeEmptyComponent();
                    else w.writeComponent(composite[c]);
                }
                w.endElement();
            } else if (e == null || ((String) e).isEmpty()) {
                w.writeEmptyElement();
            } else {
                w.writeElement((String) e);
            }
        }
        w.writeEndSegment();
    }

    /** Ends the interchange; the caller writes the trailers (SE, GE, IEA) first, since only it knows their counts. */
    public void end() throws EDIStreamException {
        w.endInterchange();
        w.close();
    }

    private static boolean empty(Object e) {
        if (e == null) return true;
        if (e instanceof String s) return s.isEmpty();
        for (String c : (String[]) e) if (c != null && !c.isEmpty()) return false;
        return true;
    }

    /** Free text: upper case, delimiters and control characters become spaces, cut to the element's maximum. */
    public static String text(String s, int max) {
        if (s == null) return null;
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toUpperCase(Locale.ROOT).toCharArray()) {
            b.append(isDelimiter(ch) || ch > 0x7e ? ' ' : ch);
        }
        String v = b.toString().trim().replaceAll(" {2,}", " ");
        return v.length() > max ? v.substring(0, max).trim() : v;
    }

    /** True for the characters our interchanges use as delimiters ({@code * ~ : ^}) and for control characters. */
    public static boolean isDelimiter(char ch) {
        return ch == '*' || ch == '~' || ch == ':' || ch == '^' || ch < 0x20;
    }
}
