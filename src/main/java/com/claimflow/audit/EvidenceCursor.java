package com.claimflow.audit;

import com.claimflow.base.BadInputException;

/**
 * Where the next page of an evidence list (the audit trail, the SLA register) starts: the last row's time in epoch
 * milliseconds, as its indexed column holds it, and its id; lists run newest first. Written {@code <epoch millis>~<id>},
 * the form the APIs' {@code after} parameter takes. A cursor reads 50 index entries however deep the page.
 */
public record EvidenceCursor(long millis, long id) {

    /** The cursor in {@code token}; null for none (the first page). */
    public static EvidenceCursor parse(String token) {
        if (token == null || token.isBlank()) return null;
        String t = token.strip();
        if (t.matches("\\d{1,15}~\\d{1,18}")) {
            String[] p = t.split("~");
            return new EvidenceCursor(Long.parseLong(p[0]), Long.parseLong(p[1]));
        }
        throw new BadInputException("after", "expected <epoch millis>~<id> as given in the last page's 'next', got '"
                + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "'");
    }

    @Override
    public String toString() {
        return millis + "~" + id;
    }
}
