package com.claimflow.x12;

/**
 * One problem found in an X12 file, named the way a biller or a clearinghouse analyst looks for it: the segment's
 * number in the interchange (ISA is 1), its id, the element (e.g. {@code CLM02} or {@code SV101-2}) and the loop.
 */
public record X12Issue(int segmentNumber, String segmentId, String element, String loop, String message) {

    public static X12Issue of(X12Segment s, String element, String loop, String message) {
        return new X12Issue(s == null ? 0 : s.number(), s == null ? null : s.id(), element, loop, message);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (segmentNumber > 0) b.append("segment ").append(segmentNumber).append(' ');
        if (element != null) b.append(element);
        else if (segmentId != null) b.append(segmentId);
        if (loop != null) b.append(" (loop ").append(loop).append(')');
        if (!b.isEmpty()) b.append(": ");
        return b.append(message).toString();
    }
}
