package com.claimflow.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an X12 interchange one segment at a time with StAEDI (so a file of any size is read in constant memory) and
 * keeps what StAEDI's envelope validation finds (ISA/GS/ST syntax, control numbers and counts) as {@link X12Issue}s.
 * A file StAEDI cannot read on (no ISA, wrong delimiters, truncated) ends the reading with one fatal issue.
 */
public final class X12SegmentReader implements AutoCloseable {
    private static final EDIInputFactory FACTORY = EDIInputFactory.newFactory();

    private final EDIStreamReader reader;
    private final List<X12Issue> issues = new ArrayList<>();
    private boolean fatal;
    private boolean sawIsa;
    private int lastNumber;

    public X12SegmentReader(InputStream in) {
        this.reader = FACTORY.createEDIStreamReader(in);
    }

    /** The next segment, or null at the end of the input (or after a fatal problem, see {@link #issues()}). */
    public X12Segment next() {
        if (fatal) return null;
        try {
            String id = null;
            int number = 0;
            List<List<String>> elements = null;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                Location at = reader.getLocation();
                switch (event) {
                    case START_SEGMENT -> {
                        id = reader.getText();
                        number = at.getSegmentPosition();
                        elements = new ArrayList<>();
                        if ("ISA".equals(id)) sawIsa = true;
                    }
                    case ELEMENT_DATA -> {
                        if (elements == null) break;
                        int position = at.getElementPosition();
                        int component = at.getComponentPosition();
                        while (elements.size() < position) elements.add(new ArrayList<>(1));
                        List<String> e = elements.get(position - 1);
                        if (at.getElementOccurrence() > 1) {
                            // a repetition: kept after the first, separated as written
                            int last = e.size() - 1;
                            if (component <= 1 && last >= 0) e.set(last, e.get(last) + "^" + reader.getText());
                            break;
                        }
                        if (component > 0) {
                            while (e.size() < component - 1) e.add("");
                        }
                        e.add(reader.getText());
                    }
                    case END_SEGMENT -> {
                        if (id != null) {
                            lastNumber = number;
                            return new X12Segment(id, number, elements);
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> issues.add(describe(at));
                    default -> {
                    }
                }
            }
            if (!sawIsa) fail(0, "the file has no ISA interchange header");
            return null;
        } catch (EDIStreamException e) {
            fail(lastNumber + 1, "the file cannot be read past here: " + firstLine(e.getMessage()));
            return null;
        } catch (RuntimeException e) {
            fail(lastNumber + 1, "the file cannot be read past here: " + e.getClass().getSimpleName() + " " + firstLine(e.getMessage()));
            return null;
        }
    }

    private X12Issue describe(Location at) {
        String tag = at.getSegmentTag();
        String element = at.getElementPosition() > 0
                ? tag + String.format("%02d", at.getElementPosition()) + (at.getComponentPosition() > 0 ? "-" + at.getComponentPosition() : "")
                : null;
        String text = reader.hasText() ? reader.getText() : null;
        String what = switch (reader.getErrorType()) {
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "the count " + text + " does not match the number actually sent";
            case CONTROL_REFERENCE_MISMATCH -> "control number " + text + " does not match its header";
            case DATA_ELEMENT_TOO_LONG -> "value '" + text + "' is too long";
            case DATA_ELEMENT_TOO_SHORT -> "value '" + text + "' is too short";
            case REQUIRED_DATA_ELEMENT_MISSING -> "a required element is missing";
            case INVALID_CODE_VALUE -> "'" + text + "' is not a valid code here";
            case INVALID_DATE -> "'" + text + "' is not a date";
            case INVALID_TIME -> "'" + text + "' is not a time";
            case INVALID_CHARACTER_DATA -> "'" + text + "' has characters not allowed here";
            default -> reader.getErrorType().name().toLowerCase().replace('_', ' ') + (text == null || text.isEmpty() ? "" : " ('" + text + "')");
        };
        return new X12Issue(Math.max(at.getSegmentPosition(), 0), tag, element, null, what);
    }

    private void fail(int segment, String message) {
        fatal = true;
        issues.add(new X12Issue(segment, null, null, null, message));
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    public List<X12Issue> issues() {
        return issues;
    }

    public boolean failed() {
        return fatal;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
