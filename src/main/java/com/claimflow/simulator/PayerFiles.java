package com.claimflow.simulator;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo payer's answers as real X12 005010 files, the way a clearinghouse and payer send them: 999 (X231A1),
 * 277CA (X214), 835 (X221A1), 271 (X279A1) and 277 claim status (X212), with correct envelopes and segment counts, so
 * they go through the product's readers.
 */
final class PayerFiles {
    static final String PAYER_SENDER = "DEMOPAYER";
    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    private PayerFiles() {
    }

    private static String envelope(long control, String functional, String version, String type, List<String> body, String receiver) {
        LocalDateTime now = LocalDateTime.now();
        String isa13 = String.format("%09d", control % 1_000_000_000L);
        List<String> segments = new ArrayList<>();
        segments.add("ISA*00*          *00*          *ZZ*" + pad(PAYER_SENDER) + "*ZZ*" + pad(receiver) + "*" + now.format(DateTimeFormatter.ofPattern("yyMMdd"))
                + "*" + now.format(DateTimeFormatter.ofPattern("HHmm")) + "*^*00501*" + isa13 + "*0*P*:");
        segments.add("GS*" + functional + "*" + PAYER_SENDER + "*" + receiver + "*" + now.format(D8) + "*" + now.format(DateTimeFormatter.ofPattern("HHmm"))
                + "*" + (control % 1_000_000_000L) + "*X*" + version);
        segments.add("ST*" + type + "*0001*" + version);
        segments.addAll(body);
        segments.add("SE*" + (body.size() + 2) + "*0001");
        segments.add("GE*1*" + (control % 1_000_000_000L));
        segments.add("IEA*1*" + isa13);
        return String.join("~\n", segments) + "~\n";
    }

    private static String pad(String s) {
        return s.length() >= 15 ? s.substring(0, 15) : s + " ".repeat(15 - s.length());
    }

    static String ack999(long control, String receiver, String groupControl, String transactionControl) {
        return envelope(control, "FA", "005010X231A1", "999", List.of("AK1*HC*" + groupControl + "*005010X222A1",
                "AK2*837*" + transactionControl + "*005010X222A1", "IK5*A", "AK9*A*1*1*1"), receiver);
    }

    static String claimAck277(long control, String receiver, Claim claim, String patientControlNumber, boolean accepted, String payerClaimNumber) {
        String date = java.time.LocalDate.now().format(D8);
        List<String> body = new ArrayList<>(List.of(
                "BHT*0085*08*" + control + "*" + date + "*1200*TH",
                "HL*1**20*1", "NM1*PR*2*DEMO PAYER*****PI*" + claim.payerId(), "TRN*1*" + control, "DTP*050*D8*" + date, "DTP*009*D8*" + date,
                "HL*2*1*21*1", "NM1*41*2*CLAIMFLOW*****46*" + receiver, "TRN*2*" + control,
                "STC*A1:19:PR*" + date + "*WQ*" + claim.totalCharge().toPlainString(),
                "HL*3*2*19*1", "NM1*85*2*BILLING PROVIDER*****XX*" + claim.billingNpi(),
                "HL*4*3*PT", "NM1*QC*1*PATIENT*DEMO****MI*" + claim.memberId(), "TRN*2*" + patientControlNumber));
        if (accepted) {
            body.add("STC*A2:20:PR*" + date + "*WQ*" + claim.totalCharge().toPlainString());
            body.add("REF*1K*" + payerClaimNumber);
        } else {
            body.add("STC*A7:164:IL*" + date + "*U*" + claim.totalCharge().toPlainString());
        }
        body.add("DTP*472*D8*" + claim.dateOfService().format(D8));
        return envelope(control, "HN", "005010X214", "277", body, receiver);
    }

    /** An 835 with one claim payment: paid (CO-45 20%, PR-2 20% when the patient shares), or denied with the CARC and RARC. */
    static String remittance835(long control, String receiver, Claim claim, String patientControlNumber, String payerClaimNumber,
                                boolean denied, boolean patientShare, String carc, String rarc) {
        return remittance835(control, receiver, claim, patientControlNumber, payerClaimNumber, denied, patientShare, carc, rarc, false);
    }

    /**
     * {@link #remittance835(long, String, Claim, String, String, boolean, boolean, String, String)}; {@code forwarded}: the
     * payer sent the claim on to the patient's supplemental payer itself (CLP02 19 "processed as primary, forwarded to
     * additional payer(s)", MOA remark MA18), as Medicare does with a crossover.
     */
    static String remittance835(long control, String receiver, Claim claim, String patientControlNumber, String payerClaimNumber,
                                boolean denied, boolean patientShare, String carc, String rarc, boolean forwarded) {
        String date = java.time.LocalDate.now().format(D8);
        List<String> lines = new ArrayList<>();
        BigDecimal paidTotal = BigDecimal.ZERO;
        BigDecimal patientTotal = BigDecimal.ZERO;
        for (ClaimLine l : claim.lines()) {
            String procedure = "HC:" + l.code() + String.join("", l.modifiers().stream().map(m -> ":" + m).toList());
            BigDecimal charge = l.charge();
            if (denied) {
                lines.add("SVC*" + procedure + "*" + amount(charge) + "*0**" + l.units());
                lines.add("DTM*472*" + claim.dateOfService().format(D8));
                lines.add("CAS*CO*" + carc + "*" + amount(charge));
                if (rarc != null) lines.add("LQ*HE*" + rarc);
                continue;
            }
            BigDecimal adjustment = pct(charge, 20);
            BigDecimal patient = patientShare ? pct(charge, 20) : BigDecimal.ZERO;
            BigDecimal paid = charge.subtract(adjustment).subtract(patient);
            paidTotal = paidTotal.add(paid);
            patientTotal = patientTotal.add(patient);
            lines.add("SVC*" + procedure + "*" + amount(charge) + "*" + amount(paid) + "**" + l.units());
            lines.add("DTM*472*" + claim.dateOfService().format(D8));
            if (adjustment.signum() != 0) lines.add("CAS*CO*45*" + amount(adjustment));
            if (patient.signum() != 0) lines.add("CAS*PR*2*" + amount(patient));
        }
        List<String> body = new ArrayList<>();
        body.add("BPR*" + (paidTotal.signum() == 0 ? "H" : "I") + "*" + amount(paidTotal) + "*C*" + (paidTotal.signum() == 0 ? "NON" : "ACH")
                + "************" + date);
        body.add("TRN*1*SIM" + control + "*1512345678");
        body.add("DTM*405*" + date);
        body.add("N1*PR*DEMO PAYER");
        body.add("REF*2U*" + claim.payerId());
        body.add("N1*PE*BILLING PROVIDER*XX*" + claim.billingNpi());
        body.add("LX*1");
        body.add("CLP*" + patientControlNumber + "*" + (denied ? "4" : forwarded ? "19" : "1") + "*" + amount(claim.totalCharge()) + "*"
                + amount(paidTotal) + "*" + amount(patientTotal) + "*12*" + payerClaimNumber);
        body.add("NM1*QC*1*PATIENT*DEMO****MI*" + claim.memberId());
        if (forwarded) body.add("MOA***MA18");
        body.addAll(lines);
        return envelope(control, "HP", "005010X221A1", "835", body, receiver);
    }

    /**
     * A 271 (005010X279A1) answering one 270: active coverage with a plan, copay, deductible and coinsurance (EB01 1, B,
     * C, A), inactive (EB01 6), or a rejection with the AAA03 reason code given (2100C AAA, follow-up C).
     */
    static String eligibility271(long control, String receiver, String payerId, String trace, String memberId, String outcome, String rejectReason) {
        String date = java.time.LocalDate.now().format(D8);
        List<String> body = new ArrayList<>(List.of("BHT*0022*11*" + trace + "*" + date + "*1200", "HL*1**20*1", "NM1*PR*2*DEMO PAYER*****PI*" + payerId,
                "HL*2*1*21*1", "NM1*1P*2*BILLING PROVIDER*****XX*1234567893", "HL*3*2*22*0", "TRN*2*" + trace + "*9CLAIMFLOW",
                "NM1*IL*1*DEMO*PATIENT****MI*" + memberId));
        switch (outcome) {
            case "ACTIVE" -> body.addAll(List.of("REF*6P*DEMO100*DEMO EMPLOYER GROUP", "DTP*291*D8*" + date, "EB*1**30**DEMO PPO",
                    "EB*B*IND*30***27*25*****Y", "EB*C*IND*30***23*1000*****Y", "EB*C*IND*30***29*350*****Y", "EB*A*IND*30*****.2****Y"));
            case "INACTIVE" -> body.addAll(List.of("DTP*291*D8*" + date, "EB*6**30", "MSG*COVERAGE TERMINATED"));
            default -> body.add("AAA*N**" + rejectReason + "*C");
        }
        return envelope(control, "HB", "005010X279A1", "271", body, receiver);
    }

    /**
     * A 277 claim status response (005010X212) answering one 276: pending (P1:20), finalized with payment (F1:65, the
     * amount, date and EFT number), or not found (A4:35).
     */
    static String claimStatus277(long control, String receiver, Claim claim, String trace, String patientControlNumber, String outcome) {
        String date = java.time.LocalDate.now().format(D8);
        String dos = claim.dateOfService().format(D8);
        List<String> body = new ArrayList<>(List.of("BHT*0010*08*" + trace + "*" + date + "*1200*DG", "HL*1**20*1",
                "NM1*PR*2*DEMO PAYER*****PI*" + claim.payerId(), "HL*2*1*21*1", "NM1*41*2*CLAIMFLOW*****46*" + receiver, "HL*3*2*19*1",
                "NM1*1P*2*BILLING PROVIDER*****XX*" + claim.billingNpi(), "HL*4*3*22*0", "NM1*IL*1*DEMO*PATIENT****MI*" + claim.memberId(),
                "TRN*2*" + trace));
        String charge = amount(claim.totalCharge());
        switch (outcome) {
            case "PENDING" -> body.add("STC*P1:20:PR*" + date + "**" + charge);
            case "FINALIZED" -> body.add("STC*F1:65:PR*" + date + "**" + charge + "*" + amount(pct(claim.totalCharge(), 80)) + "*" + date + "*ACH*"
                    + date + "*EFT" + claim.id());
            default -> body.add("STC*A4:35:PR*" + date);
        }
        if (!outcome.equals("NOT_FOUND") && claim.payerClaimNumber() != null) body.add("REF*1K*" + claim.payerClaimNumber());
        body.add("REF*EJ*" + patientControlNumber);
        body.add("DTP*472*RD8*" + dos + "-" + dos);
        return envelope(control, "HN", "005010X212", "277", body, receiver);
    }

    /**
     * A secondary or tertiary payer's 835 for {@code claim}: of {@code share} (what the earlier payers left the patient)
     * it pays 80% and leaves the patient 20% (PR-2); the rest of the charge is OA-23, the impact of the prior payer's
     * adjudication. Claim level only (no SVC: line detail is situational). {@code patientControlNumber} is the one the
     * payer was sent: the earlier payer's for a crossover.
     */
    static String laterPayer835(long control, String receiver, Claim claim, String patientControlNumber, String payerClaimNumber, BigDecimal share) {
        String date = java.time.LocalDate.now().format(D8);
        BigDecimal paid = pct(share, 80);
        BigDecimal patient = share.subtract(paid);
        BigDecimal prior = claim.totalCharge().subtract(share);
        List<String> body = new ArrayList<>();
        body.add("BPR*" + (paid.signum() == 0 ? "H" : "I") + "*" + amount(paid) + "*C*" + (paid.signum() == 0 ? "NON" : "ACH") + "************" + date);
        body.add("TRN*1*SIM" + control + "*1512345678");
        body.add("DTM*405*" + date);
        body.add("N1*PR*DEMO PAYER");
        body.add("REF*2U*" + claim.payerId());
        body.add("N1*PE*BILLING PROVIDER*XX*" + claim.billingNpi());
        body.add("LX*1");
        body.add("CLP*" + patientControlNumber + "*2*" + amount(claim.totalCharge()) + "*" + amount(paid) + "*" + amount(patient) + "*12*" + payerClaimNumber);
        if (prior.signum() != 0) body.add("CAS*OA*23*" + amount(prior));
        if (patient.signum() != 0) body.add("CAS*PR*2*" + amount(patient));
        body.add("NM1*QC*1*PATIENT*DEMO****MI*" + claim.memberId());
        return envelope(control, "HP", "005010X221A1", "835", body, receiver);
    }

    private static BigDecimal pct(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    private static String amount(BigDecimal a) {
        BigDecimal v = a.stripTrailingZeros();
        if (v.scale() < 0) v = v.setScale(0);
        return v.toPlainString();
    }
}
