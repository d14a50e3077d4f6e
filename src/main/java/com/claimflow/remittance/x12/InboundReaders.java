package com.claimflow.remittance.x12;

import com.claimflow.remittance.x12.Ack999.TransactionAck;
import com.claimflow.remittance.x12.ClaimStatus277.ClaimAck;
import com.claimflow.remittance.x12.ClaimStatus277.Status;
import com.claimflow.x12.X12Issue;
import com.claimflow.x12.X12Segment;
import com.claimflow.x12.X12SegmentReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Streaming readers for the acknowledgements: 999 (implementation acknowledgement) and 277CA (claim acknowledgement). */
public final class InboundReaders {
    private InboundReaders() {
    }

    public static Ack999 read999(InputStream in) {
        List<TransactionAck> acks = new ArrayList<>();
        List<X12Issue> issues = new ArrayList<>();
        String group = null;
        String groupStatus = null;
        String control = null;
        int at = 0;
        StringBuilder reason = new StringBuilder();
        String segmentInError = null;
        boolean sawSt = false;
        X12Segment st = null;
        boolean ak1 = false;
        boolean ak9 = false;
        try (X12SegmentReader r = new X12SegmentReader(in)) {
            for (X12Segment s = r.next(); s != null; s = r.next()) {
                switch (s.id()) {
                    case "ST" -> {
                        sawSt = true;
                        st = s;
                        ak1 = false;
                        ak9 = false;
                        if (!s.el(1).equals("999")) issues.add(X12Issue.of(s, "ST01", null, "'" + s.el(1) + "' is not a 999"));
                    }
                    case "AK1" -> {
                        ak1 = true;
                        group = s.el(2);
                    }
                    case "AK2" -> {
                        control = s.el(2);
                        at = s.number();
                        reason.setLength(0);
                        if (control.isEmpty()) issues.add(X12Issue.of(s, "AK202", "2000", "the transaction set control number is missing"));
                    }
                    case "IK3" -> {
                        segmentInError = s.el(1);
                        append(reason, "segment " + s.el(1) + " (position " + s.el(2) + (s.el(3).isEmpty() ? "" : ", loop " + s.el(3)) + "): "
                                + X12Codes.describe(X12Codes.SEGMENT_ERROR, s.el(4)));
                    }
                    case "IK4" -> {
                        String element = (segmentInError == null ? "" : segmentInError) + String.format("%02d", parse(s.comp(1, 1)))
                                + (s.comp(1, 2).isEmpty() ? "" : "-" + s.comp(1, 2));
                        append(reason, "element " + element + (s.el(2).isEmpty() ? "" : " (" + s.el(2) + ")") + ": "
                                + X12Codes.describe(X12Codes.ELEMENT_ERROR, s.el(3)) + (s.el(4).isEmpty() ? "" : " '" + s.el(4) + "'"));
                    }
                    case "IK5" -> {
                        if (control == null) {
                            issues.add(X12Issue.of(s, "IK5", "2000", "IK5 without AK2"));
                        } else {
                            String status = s.el(1);
                            if (!List.of("A", "E", "M", "R", "W", "X").contains(status)) {
                                issues.add(X12Issue.of(s, "IK501", "2000", "'" + status + "' is not a 999 acknowledgement code"));
                            }
                            for (int i = 2; i <= 6 && !s.el(i).isEmpty(); i++) append(reason, "transaction error code " + s.el(i));
                            acks.add(new TransactionAck(at, control, status, reason.toString()));
                        }
                        control = null;
                        segmentInError = null;
                    }
                    case "AK9" -> {
                        ak9 = true;
                        groupStatus = s.el(1);
                        if (!List.of("A", "E", "M", "P", "R", "W", "X").contains(groupStatus)) {
                            issues.add(X12Issue.of(s, "AK901", null, "'" + groupStatus + "' is not a functional group acknowledgement code"));
                        }
                    }
                    case "SE" -> {
                        requireGroupResponse(st, ak1, ak9, issues);
                        st = null;
                    }
                    default -> {
                    }
                }
            }
            if (st != null) requireGroupResponse(st, ak1, ak9, issues);
            if (control != null) issues.add(new X12Issue(at, "AK2", "AK202", "2000", "transaction " + control + " has no IK5 verdict (file truncated?)"));
            issues.addAll(0, r.issues());
        }
        if (!sawSt && issues.isEmpty()) issues.add(new X12Issue(0, null, null, null, "no transaction set in the file"));
        return new Ack999(group, groupStatus, acks, issues);
    }

    /**
     * AK1 (the group acknowledged) and AK9 (its verdict) are required in every 999 (005010X231A1): a 999 without them
     * acknowledges nothing and is refused, not processed with zero counts.
     */
    private static void requireGroupResponse(X12Segment st, boolean ak1, boolean ak9, List<X12Issue> issues) {
        if (st == null || !st.el(1).equals("999")) return;
        if (!ak1) issues.add(new X12Issue(st.number(), "AK1", "AK101", null, "the 999 names no functional group it acknowledges (AK1 is required)"));
        if (!ak9) issues.add(new X12Issue(st.number(), "AK9", "AK901", null, "the 999 gives no verdict on the group (AK9 is required): it acknowledges nothing"));
    }

    public static ClaimStatus277 read277(InputStream in) {
        List<ClaimAck> claims = new ArrayList<>();
        List<X12Issue> issues = new ArrayList<>();
        java.util.Map<String, Provider> providers = new java.util.LinkedHashMap<>(); // by HL01
        java.util.Map<String, String> parents = new java.util.HashMap<>();
        Provider provider = null;
        String level = null;
        int at = 0;
        String pcn = null;
        String payerNumber = null;
        List<Status> statuses = null;
        boolean sawSt = false;
        X12Segment st = null;
        boolean sawHl = false;
        try (X12SegmentReader r = new X12SegmentReader(in)) {
            for (X12Segment s = r.next(); s != null; s = r.next()) {
                switch (s.id()) {
                    case "ST" -> {
                        sawSt = true;
                        st = s;
                        sawHl = false;
                        if (!s.el(1).equals("277")) issues.add(X12Issue.of(s, "ST01", null, "'" + s.el(1) + "' is not a 277"));
                    }
                    case "HL" -> {
                        sawHl = true;
                        if (statuses != null) claims.add(claim(at, pcn, payerNumber, statuses, issues));
                        statuses = null;
                        provider = null;
                        level = s.el(3);
                        parents.put(s.el(1), s.el(2));
                        if (level.equals("21") || level.equals("19")) {
                            provider = new Provider(s.number(), level.equals("21") ? "2000B" : "2000C");
                            providers.put(s.el(1), provider);
                        }
                        if (level.equals("PT")) {
                            at = s.number();
                            pcn = null;
                            payerNumber = null;
                            statuses = new ArrayList<>();
                            // the claim counts for every receiver and provider above it
                            java.util.Set<String> seen = new java.util.HashSet<>();
                            for (String up = s.el(2); up != null && !up.isEmpty() && seen.add(up); up = parents.get(up)) {
                                Provider above = providers.get(up);
                                if (above != null) above.claims++;
                            }
                        }
                    }
                    case "NM1" -> {
                        if (provider != null && provider.name == null) {
                            provider.name = s.el(3);
                            provider.id = s.el(9);
                        }
                    }
                    case "TRN" -> {
                        if ("PT".equals(level) && statuses != null) pcn = s.el(2);
                    }
                    case "STC" -> {
                        if ("PT".equals(level) && statuses != null) statuses.addAll(statuses(s));
                        else if (provider != null) provider.statuses.addAll(statuses(s));
                    }
                    case "REF" -> {
                        if ("PT".equals(level) && statuses != null && s.el(1).equals("1K")) payerNumber = s.el(2);
                    }
                    case "SE" -> {
                        if (st != null && !sawHl) issues.add(noLevels(st));
                        st = null;
                        if (statuses != null) claims.add(claim(at, pcn, payerNumber, statuses, issues));
                        statuses = null;
                        provider = null;
                        level = null;
                    }
                    default -> {
                    }
                }
            }
            if (st != null && !sawHl) issues.add(noLevels(st));
            if (statuses != null) issues.add(new X12Issue(at, "HL", null, "2000D", "claim " + pcn + " is not closed by SE (file truncated?)"));
            issues.addAll(0, r.issues());
        }
        if (!sawSt && issues.isEmpty()) issues.add(new X12Issue(0, null, null, null, "no transaction set in the file"));
        return new ClaimStatus277(claims, providers.values().stream().map(Provider::status).toList(), issues);
    }

    /** The 277CA's information source, receiver, provider and claim levels (HL) are required (005010X214). */
    private static X12Issue noLevels(X12Segment st) {
        return new X12Issue(st.number(), "HL", "HL03", "2000A", "the 277 has no levels (HL): it answers no claim, provider or receiver");
    }

    /** A 2000B or 2000C level while it is read. */
    private static final class Provider {
        final int segment;
        final String level;
        final List<Status> statuses = new ArrayList<>();
        String name;
        String id;
        int claims;

        Provider(int segment, String level) {
            this.segment = segment;
            this.level = level;
        }

        ClaimStatus277.ProviderStatus status() {
            return new ClaimStatus277.ProviderStatus(segment, level, name, id, List.copyOf(statuses), claims);
        }
    }

    /** The statuses of one STC: STC01, STC10 and STC11, each category:status:entity (the same in the 277CA and the 277 X212). */
    static List<Status> statuses(X12Segment s) {
        List<Status> out = new ArrayList<>();
        for (int e : new int[] {1, 10, 11}) {
            if (s.comp(e, 1).isEmpty()) continue;
            String category = s.comp(e, 1);
            String code = s.comp(e, 2);
            String entity = s.comp(e, 3);
            String description = X12Codes.CLAIM_STATUS_CATEGORY.getOrDefault(category, "category " + category)
                    + (code.isEmpty() ? "" : ": " + X12Codes.CLAIM_STATUS.getOrDefault(code, "status " + code))
                    + (entity.isEmpty() ? "" : " (" + X12Codes.ENTITY.getOrDefault(entity, "entity " + entity) + ")");
            out.add(new Status(category, code, entity, description));
        }
        return out;
    }

    private static ClaimAck claim(int at, String pcn, String payerNumber, List<Status> statuses, List<X12Issue> issues) {
        if (pcn == null || pcn.isEmpty()) issues.add(new X12Issue(at, "TRN", "TRN02", "2200D", "the claim's patient control number (TRN02) is missing"));
        if (statuses.isEmpty()) issues.add(new X12Issue(at, "STC", "STC01", "2200D", "claim " + pcn + " has no status (STC)"));
        return new ClaimAck(at, pcn, payerNumber, List.copyOf(statuses));
    }

    /**
     * Reads a 277 claim status response (005010X212): every claim status tracking loop (2200D/2200E, opened by TRN under
     * a subscriber or dependent level) with its claim-level STCs; service line STCs (2220D/E, after SVC) are not the
     * claim's status and are left out.
     */
    public static ClaimStatusResponse277 read277ClaimStatus(InputStream in) {
        List<ClaimStatusResponse277.Answer> claims = new ArrayList<>();
        List<X12Issue> issues = new ArrayList<>();
        boolean sawSt = false;
        X12Segment st = null;
        boolean sawHl = false;
        String level = null;
        StatusAnswer open = null;
        try (X12SegmentReader r = new X12SegmentReader(in)) {
            for (X12Segment s = r.next(); s != null; s = r.next()) {
                switch (s.id()) {
                    case "ST" -> {
                        sawSt = true;
                        st = s;
                        sawHl = false;
                        if (!s.el(1).equals("277")) issues.add(X12Issue.of(s, "ST01", null, "'" + s.el(1) + "' is not a 277"));
                    }
                    case "HL" -> {
                        sawHl = true;
                        if (open != null) claims.add(open.answer(issues));
                        open = null;
                        level = s.el(3);
                    }
                    case "TRN" -> {
                        if (!"22".equals(level) && !"23".equals(level)) break;
                        if (open != null) claims.add(open.answer(issues));
                        open = new StatusAnswer(s, level.equals("22") ? "2200D" : "2200E");
                    }
                    case "STC" -> {
                        if (open != null && !open.inLine) open.status(s, issues);
                    }
                    case "REF" -> {
                        if (open == null || open.inLine) break;
                        if (s.el(1).equals("1K")) open.payerClaimNumber = s.el(2);
                        if (s.el(1).equals("EJ")) open.patientControlNumber = s.el(2);
                    }
                    case "SVC" -> {
                        if (open != null) open.inLine = true;
                    }
                    case "SE" -> {
                        if (st != null && !sawHl) issues.add(new X12Issue(st.number(), "HL", "HL03", "2000A",
                                "the 277 has no levels (HL): it answers no claim status inquiry"));
                        if (open != null) claims.add(open.answer(issues));
                        open = null;
                        st = null;
                        level = null;
                    }
                    default -> {
                    }
                }
            }
            if (open != null) issues.add(new X12Issue(open.trn.number(), "TRN", null, open.loop, "claim status " + open.trn.el(2)
                    + " is not closed by SE (file truncated?)"));
            issues.addAll(0, r.issues());
        }
        if (!sawSt && issues.isEmpty()) issues.add(new X12Issue(0, null, null, null, "no transaction set in the file"));
        return new ClaimStatusResponse277(claims, issues);
    }

    /** A 2200D/E loop while it is read. */
    private static final class StatusAnswer {
        final X12Segment trn;
        final String loop;
        final List<Status> statuses = new ArrayList<>();
        String patientControlNumber;
        String payerClaimNumber;
        java.math.BigDecimal charge;
        java.math.BigDecimal paid;
        java.time.LocalDate finalizedOn;
        String checkNumber;
        boolean inLine;

        StatusAnswer(X12Segment trn, String loop) {
            this.trn = trn;
            this.loop = loop;
        }

        void status(X12Segment s, List<X12Issue> issues) {
            boolean first = statuses.isEmpty();
            statuses.addAll(statuses(s));
            if (!first) return;
            charge = amount(s, 4, issues);
            paid = amount(s, 5, issues);
            checkNumber = s.el(9).isEmpty() ? null : s.el(9);
            if (!s.el(6).isEmpty()) {
                try {
                    finalizedOn = java.time.LocalDate.parse(s.el(6), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                } catch (java.time.format.DateTimeParseException e) {
                    issues.add(X12Issue.of(s, "STC06", loop, "'" + s.el(6) + "' is not a date (CCYYMMDD)"));
                }
            }
        }

        ClaimStatusResponse277.Answer answer(List<X12Issue> issues) {
            if (trn.el(2).isEmpty()) issues.add(X12Issue.of(trn, "TRN02", loop, "the claim status names no trace number: it cannot be matched to an inquiry"));
            if (statuses.isEmpty()) issues.add(X12Issue.of(trn, "STC01", loop, "claim status " + trn.el(2) + " has no status (STC)"));
            return new ClaimStatusResponse277.Answer(trn.number(), loop, trn.el(2), patientControlNumber, payerClaimNumber, statuses, charge, paid,
                    finalizedOn, checkNumber);
        }

        private static java.math.BigDecimal amount(X12Segment s, int element, List<X12Issue> issues) {
            if (s.el(element).isEmpty()) return null;
            try {
                return new java.math.BigDecimal(s.el(element));
            } catch (NumberFormatException e) {
                issues.add(X12Issue.of(s, String.format("STC%02d", element), null, "'" + s.el(element) + "' is not an amount"));
                return null;
            }
        }
    }

    private static void append(StringBuilder b, String s) {
        if (!b.isEmpty()) b.append("; ");
        b.append(s);
    }

    private static int parse(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
