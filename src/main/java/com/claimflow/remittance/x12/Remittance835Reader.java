package com.claimflow.remittance.x12;

import com.claimflow.remittance.x12.Remittance835.Adjustment;
import com.claimflow.remittance.x12.Remittance835.ClaimPayment;
import com.claimflow.remittance.x12.Remittance835.Payment;
import com.claimflow.remittance.x12.Remittance835.ProviderAdjustment;
import com.claimflow.remittance.x12.Remittance835.ServiceLine;
import com.claimflow.x12.X12Issue;
import com.claimflow.x12.X12Segment;
import com.claimflow.x12.X12SegmentReader;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams an 835 (005010X221A1) one claim payment at a time: {@link #next()} returns the next CLP loop with its CAS,
 * SVC and LQ, so memory stays flat however many claims the file holds. The payment (BPR/TRN) is known after the
 * first claim or at the end; PLB segments are collected as they come (they follow the last claim). Problems are
 * kept as {@link X12Issue}s naming segment and element; a claim whose amounts do not balance
 * (CLP03 - CLP04 must equal its adjustments) is returned with an issue for it.
 */
public final class Remittance835Reader implements AutoCloseable {
    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    private final X12SegmentReader reader;
    private final List<X12Issue> issues = new ArrayList<>();
    private final List<ProviderAdjustment> providerAdjustments = new ArrayList<>();
    private Payment payment;
    private X12Segment pending;
    private boolean sawSt;
    private String payerId;
    private String payerName;
    private String payeeNpi;
    private X12Segment bpr;
    private X12Segment trn;
    private int claims;

    public Remittance835Reader(InputStream in) {
        this.reader = new X12SegmentReader(in);
    }

    /** The next claim payment, or null at the end of the file. */
    public ClaimPayment next() {
        X12Segment s = pending != null ? pending : reader.next();
        pending = null;
        while (s != null && !s.id().equals("CLP")) {
            header(s);
            s = reader.next();
        }
        if (s == null) {
            finishPayment();
            if (!sawSt && issues.isEmpty() && reader.issues().isEmpty()) issues.add(new X12Issue(0, null, null, null, "no transaction set in the file"));
            // BPR is required in every 835 (005010X221A1): without it the file pays nothing and says nothing
            if (sawSt && bpr == null) issues.add(new X12Issue(0, "BPR", "BPR01", null, "the 835 has no financial information (BPR): it is not a remittance"));
            return null;
        }
        finishPayment();
        return claim(s);
    }

    private void header(X12Segment s) {
        switch (s.id()) {
            case "ST" -> {
                sawSt = true;
                if (!s.el(1).equals("835")) issues.add(X12Issue.of(s, "ST01", null, "'" + s.el(1) + "' is not an 835"));
            }
            case "BPR" -> {
                bpr = s;
                if (decimal(s.el(2)) == null) issues.add(X12Issue.of(s, "BPR02", null, "total payment '" + s.el(2) + "' is not an amount"));
                if (!List.of("C", "D", "H", "I", "P", "U", "X").contains(s.el(1))) issues.add(X12Issue.of(s, "BPR01", null, "'" + s.el(1) + "' is not a transaction handling code"));
            }
            case "TRN" -> {
                trn = s;
                if (s.el(2).isEmpty()) issues.add(X12Issue.of(s, "TRN02", null, "the check or EFT trace number is missing"));
            }
            case "N1" -> {
                if (s.el(1).equals("PR")) payerName = s.el(2);
                if (s.el(1).equals("PE")) payeeNpi = s.el(4);
            }
            case "REF" -> {
                if (s.el(1).equals("2U")) payerId = s.el(2);
            }
            case "PLB" -> plb(s);
            default -> {
            }
        }
    }

    private void plb(X12Segment s) {
        LocalDate fiscal = date(s.el(2));
        for (int i = 3; i + 1 <= s.size(); i += 2) {
            if (s.comp(i, 1).isEmpty()) continue;
            BigDecimal amount = decimal(s.el(i + 1));
            if (amount == null) {
                issues.add(X12Issue.of(s, "PLB" + String.format("%02d", i + 1), null, "provider adjustment amount '" + s.el(i + 1) + "' is not an amount"));
                continue;
            }
            providerAdjustments.add(new ProviderAdjustment(s.number(), s.el(1), fiscal, s.comp(i, 1), s.comp(i, 2), amount));
        }
    }

    private void finishPayment() {
        if (payment != null || bpr == null) return;
        if (trn == null) issues.add(X12Issue.of(bpr, "TRN", null, "the reassociation trace (TRN) is missing"));
        payment = new Payment(bpr.number(), bpr.el(1), decimal(bpr.el(2)), bpr.el(4), date(bpr.el(16)), trn == null ? null : trn.el(2),
                payerId, payerName, payeeNpi);
    }

    private ClaimPayment claim(X12Segment clp) {
        claims++;
        List<Adjustment> claimAdjustments = new ArrayList<>();
        List<String> remarks = new ArrayList<>();
        List<ServiceLine> lines = new ArrayList<>();
        X12Segment svc = null;
        List<Adjustment> lineAdjustments = null;
        List<String> lineRemarks = null;
        BigDecimal charge = required(clp, 3, "CLP03");
        BigDecimal paid = required(clp, 4, "CLP04");
        BigDecimal patient = decimal(clp.el(5));
        if (clp.el(1).isEmpty()) issues.add(X12Issue.of(clp, "CLP01", "2100", "the patient control number is missing"));
        if (!List.of("1", "2", "3", "4", "19", "20", "21", "22", "23", "25").contains(clp.el(2))) {
            issues.add(X12Issue.of(clp, "CLP02", "2100", "claim status '" + clp.el(2) + "' is not a valid code"));
        }
        X12Segment s;
        while ((s = reader.next()) != null) {
            String id = s.id();
            if (id.equals("CLP") || id.equals("SE") || id.equals("PLB") || id.equals("LX") || id.equals("TS3") || id.equals("TS2")) {
                pending = s;
                break;
            }
            switch (id) {
                case "CAS" -> (svc == null ? claimAdjustments : lineAdjustments).addAll(cas(s));
                case "MOA", "MIA" -> {
                    for (int i = 3; i <= s.size(); i++) if (!s.el(i).isEmpty() && s.el(i).matches("[A-Z]{1,2}\\d{1,4}")) remarks.add(s.el(i));
                }
                case "SVC" -> {
                    if (svc != null) lines.add(line(svc, lineAdjustments, lineRemarks));
                    svc = s;
                    lineAdjustments = new ArrayList<>();
                    lineRemarks = new ArrayList<>();
                }
                case "LQ" -> {
                    if (s.el(1).equals("HE") && lineRemarks != null) lineRemarks.add(s.el(2));
                    else if (s.el(1).equals("HE")) remarks.add(s.el(2));
                }
                default -> {
                }
            }
        }
        if (svc != null) lines.add(line(svc, lineAdjustments, lineRemarks));
        ClaimPayment c = new ClaimPayment(clp.number(), clp.el(1), clp.el(2), charge, paid, patient, clp.el(7), claimAdjustments, remarks, lines, null);
        String problem = balance(c);
        return problem == null ? c : new ClaimPayment(c.segmentNumber(), c.patientControlNumber(), c.statusCode(), charge, paid, patient,
                c.payerClaimNumber(), claimAdjustments, remarks, lines, problem);
    }

    /** CLP03 - CLP04 must equal all its adjustments; each SVC02 - SVC03 its line's adjustments. Null when balanced. */
    private static String balance(ClaimPayment c) {
        if (c.charge() == null || c.paid() == null) return "segment " + c.segmentNumber() + " CLP03/CLP04: amounts missing";
        BigDecimal adjusted = c.allAdjustments().stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (c.charge().subtract(c.paid()).compareTo(adjusted) != 0) {
            return "segment " + c.segmentNumber() + " CLP04: claim " + c.patientControlNumber() + " does not balance: charge "
                    + c.charge().toPlainString() + " - paid " + c.paid().toPlainString() + " is not its adjustments " + adjusted.toPlainString();
        }
        for (ServiceLine l : c.lines()) {
            if (l.charge() == null || l.paid() == null) return "segment " + l.segmentNumber() + " SVC02/SVC03: amounts missing";
            BigDecimal lineAdjusted = l.adjustments().stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (c.adjustments().isEmpty() && l.charge().subtract(l.paid()).compareTo(lineAdjusted) != 0) {
                return "segment " + l.segmentNumber() + " SVC03: service line " + l.procedureCode() + " does not balance: charge "
                        + l.charge().toPlainString() + " - paid " + l.paid().toPlainString() + " is not its adjustments " + lineAdjusted.toPlainString();
            }
        }
        return null;
    }

    private ServiceLine line(X12Segment svc, List<Adjustment> adjustments, List<String> remarks) {
        List<String> composite = svc.components(1);
        List<String> modifiers = composite.size() > 2 ? List.copyOf(composite.subList(2, Math.min(composite.size(), 6))) : List.of();
        BigDecimal units = svc.el(5).isEmpty() ? BigDecimal.ONE : decimal(svc.el(5));
        return new ServiceLine(svc.number(), svc.comp(1, 2), modifiers, required(svc, 2, "SVC02"), required(svc, 3, "SVC03"), units,
                List.copyOf(adjustments), List.copyOf(remarks));
    }

    private List<Adjustment> cas(X12Segment s) {
        List<Adjustment> out = new ArrayList<>();
        String group = s.el(1);
        if (!List.of("CO", "PR", "OA", "PI", "CR").contains(group)) issues.add(X12Issue.of(s, "CAS01", null, "adjustment group '" + group + "' is not CO, PR, OA, PI or CR"));
        for (int i = 2; i + 1 <= s.size() && i <= 17; i += 3) {
            if (s.el(i).isEmpty()) continue;
            BigDecimal amount = decimal(s.el(i + 1));
            if (amount == null) {
                issues.add(X12Issue.of(s, "CAS" + String.format("%02d", i + 1), null, "adjustment amount '" + s.el(i + 1) + "' is not an amount"));
                continue;
            }
            out.add(new Adjustment(group, s.el(i), amount, decimal(s.el(i + 2))));
        }
        return out;
    }

    private BigDecimal required(X12Segment s, int position, String element) {
        BigDecimal v = decimal(s.el(position));
        if (v == null) issues.add(X12Issue.of(s, element, null, "'" + s.el(position) + "' is not an amount"));
        return v;
    }

    static BigDecimal decimal(String v) {
        try {
            return v == null || v.isEmpty() ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String v) {
        try {
            return v == null || v.isEmpty() ? null : LocalDate.parse(v, D8);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public Payment payment() {
        return payment;
    }

    public List<ProviderAdjustment> providerAdjustments() {
        return providerAdjustments;
    }

    /** Issues found so far, StAEDI's envelope issues first. */
    public List<X12Issue> issues() {
        List<X12Issue> all = new ArrayList<>(reader.issues());
        all.addAll(issues);
        return all;
    }

    public boolean failed() {
        return reader.failed();
    }

    public int claims() {
        return claims;
    }

    @Override
    public void close() {
        reader.close();
    }
}
