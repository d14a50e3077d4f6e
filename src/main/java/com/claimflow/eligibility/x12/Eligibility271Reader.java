package com.claimflow.eligibility.x12;

import com.claimflow.eligibility.x12.Eligibility271.Answer;
import com.claimflow.eligibility.x12.Eligibility271.Coverage;
import com.claimflow.eligibility.x12.Eligibility271.Rejection;
import com.claimflow.x12.X12Issue;
import com.claimflow.x12.X12Segment;
import com.claimflow.x12.X12SegmentReader;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

/**
 * Streaming reader of the 271 eligibility response (005010X279A1): one answer per subscriber (2000C, HL03 22) or
 * dependent (2000D, HL03 23) level that carries a trace number, with the AAA rejections of the information source
 * (2000A/2100A), receiver (2100B) and subscriber above it. Reads files of any size in constant memory per answer.
 */
public final class Eligibility271Reader {
    private static final Set<String> ACTIVE = Set.of("1", "2", "3", "4", "5");
    private static final Set<String> INACTIVE = Set.of("6", "7", "8");

    private Eligibility271Reader() {
    }

    public static Eligibility271 read(InputStream in) {
        List<Answer> answers = new ArrayList<>();
        List<X12Issue> issues = new ArrayList<>();
        boolean sawSt = false;
        try (X12SegmentReader r = new X12SegmentReader(in)) {
            Transaction t = null;
            for (X12Segment s = r.next(); s != null; s = r.next()) {
                switch (s.id()) {
                    case "ST" -> {
                        sawSt = true;
                        t = new Transaction(s);
                        if (!s.el(1).equals("271")) issues.add(X12Issue.of(s, "ST01", null, "'" + s.el(1) + "' is not a 271"));
                    }
                    case "SE" -> {
                        if (t != null) t.end(answers, issues);
                        t = null;
                    }
                    default -> {
                        if (t != null) t.take(s, issues);
                    }
                }
            }
            if (t != null) issues.add(new X12Issue(t.st.number(), "ST", "SE01", null, "the 271 is not closed by SE (file truncated?)"));
            issues.addAll(0, r.issues());
        }
        if (!sawSt && issues.isEmpty()) issues.add(new X12Issue(0, null, null, null, "no transaction set in the file"));
        return new Eligibility271(answers, issues);
    }

    /** One ST-SE while it is read: levels by HL01, each with its parent and what it says. */
    private static final class Transaction {
        final X12Segment st;
        final HashMap<String, Level> levels = new HashMap<>();
        final List<Level> order = new ArrayList<>();
        Level current;

        Transaction(X12Segment st) {
            this.st = st;
        }

        void take(X12Segment s, List<X12Issue> issues) {
            if (s.id().equals("HL")) {
                current = new Level(s, levels.get(s.el(2)));
                levels.put(s.el(1), current);
                order.add(current);
                if (current.parent != null) current.parent.children++;
                return;
            }
            if (current == null) return;
            switch (s.id()) {
                case "AAA" -> {
                    // AAA01 Y is a valid request with a reason (not used for rejections in 005010); N rejects it
                    if (!s.el(1).equals("Y")) current.rejections.add(new Rejection(s.number(), current.loop(), s.el(3), s.el(4)));
                }
                case "TRN" -> {
                    if (s.el(1).equals("2") || current.trace == null) current.trace = s.el(2);
                }
                case "NM1" -> {
                    if (s.el(1).equals("IL") || s.el(1).equals("03")) {
                        current.lastName = s.el(3);
                        current.firstName = s.el(4);
                        if (!s.el(9).isEmpty()) current.memberId = s.el(9);
                    }
                }
                case "REF" -> {
                    if (current.benefitSeen) break;
                    if (s.el(1).equals("6P")) current.groupNumber = s.el(2);
                    if (s.el(1).equals("18") && current.plan == null) current.plan = s.el(2);
                }
                case "EB" -> current.benefit(s, issues);
                default -> {
                }
            }
        }

        void end(List<Answer> answers, List<X12Issue> issues) {
            if (order.isEmpty()) {
                issues.add(new X12Issue(st.number(), "HL", "HL03", "2000A", "the 271 has no levels (HL): it answers no inquiry"));
                return;
            }
            for (Level l : order) {
                if (!l.person()) continue;
                if (l.trace == null || l.trace.isEmpty()) {
                    // a subscriber above an answered dependent carries no trace of its own
                    if (l.children == 0) issues.add(new X12Issue(l.hl.number(), "TRN", "TRN02", l.code.equals("22") ? "2000C" : "2000D",
                            "the answer names no trace number (TRN02): it cannot be matched to an inquiry"));
                    continue;
                }
                answers.add(l.answer());
            }
            // a file whose only rejection is above every subscriber (2100A/2100B) still answers each of them
            for (Level l : order) {
                if (!l.person() && !l.rejections.isEmpty() && order.stream().noneMatch(Level::person)) {
                    issues.add(new X12Issue(l.rejections.get(0).segment(), "AAA", "AAA03", l.loop(), "the payer rejected the inquiry above the "
                            + "subscriber level (" + l.rejections.get(0) + ") and names no subscriber: it cannot be matched to an inquiry"));
                }
            }
        }
    }

    /** An HL level: information source (20), receiver (21), subscriber (22) or dependent (23). */
    private static final class Level {
        final X12Segment hl;
        final Level parent;
        final String code;
        final List<Rejection> rejections = new ArrayList<>();
        final List<String> benefits = new ArrayList<>();
        int children;
        boolean benefitSeen;
        boolean active;
        boolean inactive;
        String trace;
        String memberId;
        String lastName;
        String firstName;
        String plan;
        String groupNumber;
        final BigDecimal[] copay = new BigDecimal[2];
        final BigDecimal[] deductible = new BigDecimal[2];
        final BigDecimal[] coinsurance = new BigDecimal[2];

        Level(X12Segment hl, Level parent) {
            this.hl = hl;
            this.parent = parent;
            this.code = hl.el(3);
        }

        boolean person() {
            return code.equals("22") || code.equals("23");
        }

        String loop() {
            return switch (code) {
                case "20" -> "2100A";
                case "21" -> "2100B";
                case "22" -> benefitSeen ? "2110C" : "2100C";
                case "23" -> benefitSeen ? "2110D" : "2100D";
                default -> "HL " + code;
            };
        }

        void benefit(X12Segment s, List<X12Issue> issues) {
            benefitSeen = true;
            String info = s.el(1);
            String serviceType = s.el(3);
            if (ACTIVE.contains(info)) active = true;
            if (INACTIVE.contains(info)) inactive = true;
            if (ACTIVE.contains(info) && !s.el(5).isEmpty() && plan == null) plan = s.el(5);
            BigDecimal amount = decimal(s, 7, issues);
            BigDecimal percent = decimal(s, 8, issues);
            boolean plan30 = serviceType.isEmpty() || serviceType.equals("30");
            switch (info) {
                case "B" -> keep(copay, amount, plan30);
                case "C" -> keep(deductible, amount, plan30);
                case "A" -> keep(coinsurance, percent, plan30);
                default -> {
                }
            }
            StringBuilder b = new StringBuilder(EligibilityCodes.describe(EligibilityCodes.BENEFIT, info));
            if (!serviceType.isEmpty()) b.append(", service type ").append(serviceType.replace('^', ','));
            if (!s.el(2).isEmpty()) b.append(", ").append(s.el(2).equals("IND") ? "individual" : s.el(2).equals("FAM") ? "family" : s.el(2));
            if (!s.el(5).isEmpty()) b.append(", ").append(s.el(5));
            if (!s.el(6).isEmpty()) b.append(", per ").append(EligibilityCodes.PERIOD.getOrDefault(s.el(6), s.el(6)));
            if (amount != null) b.append(", $").append(amount.toPlainString());
            if (percent != null) b.append(", ").append(percent.movePointRight(2).stripTrailingZeros().toPlainString()).append('%');
            if (!s.el(12).isEmpty()) b.append(s.el(12).equals("Y") ? ", in network" : s.el(12).equals("N") ? ", out of network" : "");
            benefits.add(b.toString());
        }

        /** Keeps the first value for the health benefit plan coverage (EB03 30 or none) in [0], the first of any service type in [1]. */
        private static void keep(BigDecimal[] kept, BigDecimal value, boolean plan30) {
            if (value == null) return;
            if (plan30 && kept[0] == null) kept[0] = value;
            if (kept[1] == null) kept[1] = value;
        }

        private static BigDecimal kept(BigDecimal[] kept) {
            return kept[0] != null ? kept[0] : kept[1];
        }

        Answer answer() {
            List<Rejection> all = new ArrayList<>();
            for (Level l = this; l != null; l = l.parent) all.addAll(0, l.rejections);
            Level subscriber = code.equals("23") ? parent : null;
            Coverage coverage = !all.isEmpty() ? Coverage.REJECTED : active ? Coverage.ACTIVE : inactive ? Coverage.INACTIVE : Coverage.UNKNOWN;
            String member = memberId != null ? memberId : subscriber == null ? null : subscriber.memberId;
            String group = groupNumber != null ? groupNumber : subscriber == null ? null : subscriber.groupNumber;
            return new Answer(hl.number(), trace, member, lastName, firstName, coverage, plan, group, kept(copay), kept(deductible), kept(coinsurance),
                    all, benefits);
        }

        private static BigDecimal decimal(X12Segment s, int element, List<X12Issue> issues) {
            String v = s.el(element);
            if (v.isEmpty()) return null;
            try {
                return new BigDecimal(v);
            } catch (NumberFormatException e) {
                issues.add(X12Issue.of(s, String.format("EB%02d", element), null, "'" + v + "' is not a number"));
                return null;
            }
        }
    }
}
