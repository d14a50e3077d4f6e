package com.claimflow.simulator;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.claimstatus.ClaimStatusCheck;
import com.claimflow.claimstatus.ClaimStatusInquiries;
import com.claimflow.claimstatus.ClaimStatusInquirySent;
import com.claimflow.eligibility.EligibilityCheck;
import com.claimflow.eligibility.EligibilityInquiries;
import com.claimflow.eligibility.EligibilityInquirySent;
import com.claimflow.denial.AppealSubmitted;
import com.claimflow.denial.DenialService;
import com.claimflow.remittance.CoordinationOfBenefits;
import com.claimflow.remittance.InboundFiles;
import com.claimflow.remittance.InboundResult;
import com.claimflow.submission.ClaimHandedOff;
import com.claimflow.submission.SubmissionService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A stand-in payer for the demo and for tests: answers every claim handed to the clearinghouse with an acknowledgement
 * and later a remittance (paid, partly paid with patient responsibility, or denied with a realistic CARC mix), and
 * decides appeals. Acknowledgements and remittances are real X12 files (999 and 277CA, then 835) that go through
 * the same inbound path as a clearinghouse's files ({@link InboundFiles}: stored, parsed by the real readers, applied).
 * It answers eligibility inquiries (270) with a 271 and claim status inquiries (276) with a 277 the same way.
 * On by default in the demo profile, off otherwise.
 * <p>
 * The 271 follows the member id's last two digits, so a demo can show every answer on purpose: 90-94 inactive
 * (EB01 6), 95-96 rejected with AAA03 72 (invalid member id), 97 AAA03 73 (invalid name), 98 AAA03 75 (subscriber not
 * found), 99 AAA03 58 (invalid birth date); anything else (or a member id not ending in two digits) active. The 277
 * follows a repeatable roll per claim: 55 in 100 pending (P1), 30 finalized with payment (F1), 15 not found (A4).
 */
@Component
@ConditionalOnProperty(name = "claimflow.payer-simulator.enabled", havingValue = "true")
public class PayerSimulator {
    private static final Logger log = LoggerFactory.getLogger(PayerSimulator.class);
    /** Denial reasons with weights out of 100: medical necessity, missing information, dx/procedure mismatch, no authorization, timely filing. */
    private static final String[][] DENIALS = {{"50", "N115", "35"}, {"16", "M51", "25"}, {"11", "N30", "20"}, {"197", "N54", "15"}, {"29", "N211", "5"}};

    private final JdbcTemplate jdbc;
    private final ClaimService claims;
    private final InboundFiles inbound;
    private final SubmissionService submissions;
    private final DenialService denials;
    private final TransactionTemplate tx;
    private final Duration ackDelay;
    private final Duration remitDelay;
    private final Duration inquiryDelay;
    private final EligibilityInquiries eligibility;
    private final ClaimStatusInquiries claimStatus;
    private final CoordinationOfBenefits cob;

    public PayerSimulator(JdbcTemplate jdbc, ClaimService claims, InboundFiles inbound, SubmissionService submissions, DenialService denials,
                          PlatformTransactionManager txManager, EligibilityInquiries eligibility, ClaimStatusInquiries claimStatus,
                          CoordinationOfBenefits cob,
                          @Value("${claimflow.payer-simulator.ack-delay:PT5S}") Duration ackDelay,
                          @Value("${claimflow.payer-simulator.remittance-delay:PT20S}") Duration remitDelay,
                          @Value("${claimflow.payer-simulator.inquiry-delay:PT2S}") Duration inquiryDelay) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.inbound = inbound;
        this.submissions = submissions;
        this.denials = denials;
        this.tx = new TransactionTemplate(txManager);
        this.ackDelay = ackDelay;
        this.remitDelay = remitDelay;
        this.inquiryDelay = inquiryDelay;
        this.eligibility = eligibility;
        this.claimStatus = claimStatus;
        this.cob = cob;
    }

    @EventListener
    public void on(ClaimHandedOff handedOff) {
        schedule(handedOff.claimId(), "ACK", ackDelay);
    }

    @EventListener
    public void on(AppealSubmitted appeal) {
        schedule(appeal.claimId(), "APPEAL", remitDelay);
    }

    /** A 270 went out: the 271 is due shortly (payer_simulation.claim_id holds the inquiry id for these rows). */
    @EventListener
    public void on(EligibilityInquirySent sent) {
        schedule(sent.inquiryId(), "271", inquiryDelay);
    }

    /** A 276 went out: the 277 is due shortly (payer_simulation.claim_id holds the inquiry id). */
    @EventListener
    public void on(ClaimStatusInquirySent sent) {
        schedule(sent.inquiryId(), "277", inquiryDelay);
    }

    private void schedule(long claimId, String kind, Duration delay) {
        jdbc.update("insert into payer_simulation (claim_id, kind, due_at, done, attempts) values (?,?,?,?,0)",
                claimId, kind, Timestamp.from(Instant.now().plus(delay)), false);
    }

    @Scheduled(fixedDelayString = "${claimflow.payer-simulator.poll-millis:2000}")
    public void poll() {
        answerDue(Instant.now());
    }

    /** Gives every answer due by {@code now}; an answer that fails stays due and is tried again, up to ten times. */
    public int answerDue(Instant now) {
        List<Object[]> due = jdbc.query("select id, claim_id, kind from payer_simulation where done = false and attempts < 10 and due_at <= ? order by id",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)}, Timestamp.from(now));
        int answered = 0;
        for (Object[] row : due) {
            long id = (Long) row[0];
            try {
                tx.executeWithoutResult(s -> {
                    answer(id, (Long) row[1], (String) row[2]);
                    jdbc.update("update payer_simulation set done = true, attempts = attempts + 1 where id = ?", id);
                });
                answered++;
            } catch (RuntimeException e) {
                log.info("payer simulator: answer {} for claim {} not taken yet: {}", row[2], row[1], e.getMessage());
                jdbc.update("update payer_simulation set attempts = attempts + 1, last_error = ? where id = ?", abbreviate(e.getMessage()), id);
            }
        }
        return answered;
    }

    private void answer(long simulationId, long claimId, String kind) {
        if (kind.equals("271") || kind.equals("277")) {
            answerInquiry(simulationId, claimId, kind);
            return;
        }
        Claim claim = claims.get(claimId);
        int roll = roll(claimId, kind);
        String pcn = "CF" + claim.id() + "V" + claim.version();
        // a new interchange number per simulation row and attempt: a retried answer is a new file
        int attempt = jdbc.queryForObject("select attempts from payer_simulation where id = ?", Integer.class, simulationId);
        long control = 700_000_000L + (simulationId * 100 + attempt * 2L) % 100_000_000L;
        String payerClaimNumber = claim.payerClaimNumber() != null ? claim.payerClaimNumber() : "PCN" + claimId + "V" + claim.version();
        switch (kind) {
            case "ACK" -> {
                // claims of coordination of benefits are always accepted, so the demo shows the secondary path
                boolean accepted = roll >= 8 || claim.coverageOrder() > 1 || cob.nextPayer(claimId).isPresent();
                String payload = submissions.latestPayload(claimId).orElseThrow(() -> new IllegalStateException("claim " + claimId + " was not sent"));
                String receiver = payload.length() > 50 ? payload.substring(35, 50).trim() : "CLAIMFLOW";
                String gs06 = payload.replaceAll("(?s).*?GS\\*HC\\*[^*]*\\*[^*]*\\*[^*]*\\*[^*]*\\*([^*]+)\\*.*", "$1");
                String st02 = payload.replaceAll("(?s).*?ST\\*837\\*([^*]+)\\*.*", "$1");
                take(PayerFiles.ack999(control, receiver, gs06, st02), "999", simulationId);
                take(PayerFiles.claimAck277(control + 1, receiver, claim, pcn, accepted, "PCN" + claimId + "V" + claim.version()), "277CA", simulationId);
                if (accepted) schedule(claimId, "REMIT", remitDelay);
            }
            case "REMIT" -> take(remittance(control, claim, pcn, payerClaimNumber, roll), "835", simulationId);
            case "APPEAL" -> {
                boolean overturned = roll < 60;
                denials.decideAppeal(claimId, overturned);
                if (overturned) schedule(claimId, "REMIT_AFTER_APPEAL", remitDelay);
            }
            case "CROSSOVER" -> {
                // the supplemental payer answers the claim the primary forwarded, under the primary's patient control number
                Claim forwarded = claims.latestFor(claim.encounterId()).filter(n -> n.status() == com.claimflow.claim.ClaimStatus.FORWARDED)
                        .orElseThrow(() -> new IllegalStateException("the forwarded claim of encounter " + claim.encounterId() + " is not made yet"));
                take(PayerFiles.laterPayer835(control, "CLAIMFLOW", forwarded, pcn, "X" + forwarded.id() + "V" + forwarded.version(), earlierShare(forwarded)),
                        "835", simulationId);
            }
            case "REMIT_AFTER_APPEAL" -> take(PayerFiles.remittance835(control, "CLAIMFLOW", claim, pcn, payerClaimNumber, false, false, null, null),
                    "835", simulationId);
            default -> throw new IllegalStateException("unknown simulation " + kind);
        }
    }

    private void answerInquiry(long simulationId, long inquiryId, String kind) {
        int attempt = jdbc.queryForObject("select attempts from payer_simulation where id = ?", Integer.class, simulationId);
        long control = 700_000_000L + (simulationId * 100 + attempt * 2L) % 100_000_000L;
        if (kind.equals("271")) {
            EligibilityCheck c = eligibility.get(inquiryId);
            String[] answer = eligibilityAnswer(c.memberId());
            take(PayerFiles.eligibility271(control, "CLAIMFLOW", c.payerId(), c.traceNumber(), c.memberId(), answer[0], answer[1]), "271", simulationId);
            return;
        }
        ClaimStatusCheck c = claimStatus.forClaim(jdbc.queryForObject("select claim_id from claim_status_inquiry where id = ?", Long.class, inquiryId))
                .stream().filter(x -> x.id() == inquiryId).findFirst().orElseThrow();
        Claim claim = claims.get(c.claimId());
        int roll = roll(claim.id(), "STATUS");
        String outcome = roll < 55 ? "PENDING" : roll < 85 ? "FINALIZED" : "NOT_FOUND";
        take(PayerFiles.claimStatus277(control, "CLAIMFLOW", claim, c.traceNumber(), "CF" + claim.id() + "V" + claim.version(), outcome), "277",
                simulationId);
    }

    /** The 271 the member id asks for (see the class comment): outcome and AAA03 reason. */
    static String[] eligibilityAnswer(String memberId) {
        int last = memberId != null && memberId.matches(".*\\d\\d") ? Integer.parseInt(memberId.substring(memberId.length() - 2)) : -1;
        if (last >= 90 && last <= 94) return new String[] {"INACTIVE", null};
        return switch (last) {
            case 95, 96 -> new String[] {"REJECTED", "72"};
            case 97 -> new String[] {"REJECTED", "73"};
            case 98 -> new String[] {"REJECTED", "75"};
            case 99 -> new String[] {"REJECTED", "58"};
            default -> new String[] {"ACTIVE", null};
        };
    }

    /** Hands one file to the inbound path; anything not taken makes the answer fail, so it is tried again later. */
    private void take(String file, String type, long simulationId) {
        InboundResult r = inbound.receive(new java.io.ByteArrayInputStream(file.getBytes(StandardCharsets.US_ASCII)), "SIMULATOR",
                "sim-" + simulationId + "-" + type + ".x12", "payer-simulator");
        if (!r.status().equals("PROCESSED") || r.counts().failed() > 0 || r.counts().unmatched() > 0) {
            throw new IllegalStateException("simulated " + type + " not taken: " + r.status() + " " + r.errors());
        }
    }

    /** What the earlier payers left the patient on a secondary or tertiary claim: the next payer's to pay. */
    private BigDecimal earlierShare(Claim claim) {
        List<com.claimflow.claim.OtherPayerAdjudication> earlier = claims.otherPayersOf(claim.id());
        return earlier.isEmpty() ? claim.totalCharge() : earlier.get(earlier.size() - 1).patientResponsibility();
    }

    /**
     * A secondary or tertiary claim is paid from what the earlier payer left. A claim whose encounter has another
     * coverage is paid with a patient share (so the demo shows coordination of benefits); Medicare forwards it to the
     * supplemental payer itself (a crossover), whose 835 follows.
     */
    private String remittance(long control, Claim claim, String pcn, String payerClaimNumber, int roll) {
        if (claim.coverageOrder() > 1) return PayerFiles.laterPayer835(control, "CLAIMFLOW", claim, pcn, payerClaimNumber, earlierShare(claim));
        if (cob.nextPayer(claim.id()).isPresent()) {
            boolean crossover = "MCARE".equals(claim.payerId());
            if (crossover) schedule(claim.id(), "CROSSOVER", remitDelay);
            return PayerFiles.remittance835(control, "CLAIMFLOW", claim, pcn, payerClaimNumber, false, true, null, null, crossover);
        }
        if (roll < 55) return PayerFiles.remittance835(control, "CLAIMFLOW", claim, pcn, payerClaimNumber, false, false, null, null);
        if (roll < 80) return PayerFiles.remittance835(control, "CLAIMFLOW", claim, pcn, payerClaimNumber, false, true, null, null);
        int pick = roll(claim.id(), "CARC");
        int cumulative = 0;
        for (String[] d : DENIALS) {
            cumulative += Integer.parseInt(d[2]);
            if (pick < cumulative) return PayerFiles.remittance835(control, "CLAIMFLOW", claim, pcn, payerClaimNumber, true, false, d[0], d[1]);
        }
        return PayerFiles.remittance835(control, "CLAIMFLOW", claim, pcn, payerClaimNumber, true, false, "16", "M51");
    }

    /** A repeatable 0-99 roll per claim and question, so a demo run is the same every time. */
    static int roll(long claimId, String question) {
        return new java.util.SplittableRandom(claimId * 1_000_003L + question.hashCode()).nextInt(100);
    }

    private static String abbreviate(String s) {
        return s == null ? null : s.length() > 500 ? s.substring(0, 497) + "..." : s;
    }
}
