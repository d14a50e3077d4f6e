package com.claimflow.reference.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;

/** Comparing what a file says with what a row holds, across H2 and MySQL drivers. */
final class Db {
    private Db() {
    }

    static String norm(Object o) {
        if (o == null) return "";
        if (o instanceof java.sql.Date d) return d.toLocalDate().toString();
        if (o instanceof java.sql.Timestamp t) return t.toLocalDateTime().toLocalDate().toString();
        if (o instanceof LocalDate d) return d.toString();
        if (o instanceof Boolean b) return b ? "1" : "0";
        if (o instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
        if (o instanceof Number n) return Long.toString(n.longValue());
        if (o instanceof Character c) return c.toString();
        return o.toString().trim();
    }

    static String canonical(Object[] values) {
        StringBuilder b = new StringBuilder();
        for (Object v : values) b.append(norm(v)).append('\u0001');
        return b.toString();
    }

    static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
