package com.claimflow.simulator;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.denial.AppealSubmitted;
import com.claimflow.denial.DenialService;
import com.claimflow.remittance.RemittanceAdvice;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.submission.ClaimHandedOff;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * decides appeals. It talks to the product only through the same services a real payer file goes through.
 * On by default in the demo profile, off otherwise.
 */
@Component
@ConditionalOnProperty(name = "claimflow.payer-simulator.enabled", havingValue = "true")
public class PayerSimulator {
    private static final Logger log = LoggerFactory.getLogger(PayerSimulator.class);
    /** Denial reasons with weights out of 100: medical necessity, missing information, dx/procedure mismatch, no authorization, timely filing. */
    private static final String[][] DENIALS = {{"50", "N115", "35"}, {"16", "M51", "25"}, {"11", "N30", "20"}, {"197", "N54", "15"}, {"29", "N211", "5"}};

    private final JdbcTemplate jdbc;
    private final ClaimService claims;
    private final RemittanceService remittances;
    private final DenialService denials;
    private final TransactionTemplate tx;
    private final Duration ackDelay;
    private final Duration remitDelay;

    public PayerSimulator(JdbcTemplate jdbc, ClaimService claims, RemittanceService remittances, DenialService denials,
                          PlatformTransactionManager txManager,
                          @Value("${claimflow.payer-simulator.ack-delay:PT5S}") Duration ackDelay,
                          @Value("${claimflow.payer-simulator.remittance-delay:PT20S}") Duration remitDelay) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.remittances = remittances;
        this.denials = denials;
        this.tx = new TransactionTemplate(txManager);
        this.ackDelay = ackDelay;
        this.remitDelay = remitDelay;
    }

    @EventListener
    public void on(ClaimHandedOff handedOff) {
        schedule(handedOff.claimId(), "ACK", ackDelay);
    }

    @EventListener
    public void on(AppealSubmitted appeal) {
        schedule(appeal.claimId(), "APPEAL", remitDelay);
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
                    answer((Long) row[1], (String) row[2]);
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

    private void answer(long claimId, String kind) {
        Claim claim = claims.get(claimId);
        int roll = roll(claimId, kind);
        switch (kind) {
            case "ACK" -> {
                boolean accepted = roll >= 8;
                remittances.acknowledge(claimId, accepted, accepted ? "PCN" + claimId + "V" + claim.getVersion() : null,
                        accepted ? null : "A7:164 entity's contract/member number invalid");
                if (accepted) schedule(claimId, "REMIT", remitDelay);
            }
            case "REMIT" -> remittances.post(remittance(claim, roll));
            case "APPEAL" -> {
                boolean overturned = roll < 60;
                denials.decideAppeal(claimId, overturned);
                if (overturned) schedule(claimId, "REMIT_AFTER_APPEAL", remitDelay);
            }
            case "REMIT_AFTER_APPEAL" -> remittances.post(paid(claim, "sim-appeal-" + claimId, false));
            default -> throw new IllegalStateException("unknown simulation " + kind);
        }
    }

    private RemittanceAdvice remittance(Claim claim, int roll) {
        String ref = "sim-" + claim.getId() + "-v" + claim.getVersion();
        if (roll < 55) return paid(claim, ref, false);
        if (roll < 80) return paid(claim, ref, true);
        int pick = roll(claim.getId(), "CARC");
        int cumulative = 0;
        for (String[] d : DENIALS) {
            cumulative += Integer.parseInt(d[2]);
            if (pick < cumulative) return denied(claim, ref, d[0], d[1]);
        }
        return denied(claim, ref, "16", "M51");
    }

    private static RemittanceAdvice paid(Claim claim, String ref, boolean withPatientShare) {
        BigDecimal charge = claim.getTotalCharge();
        BigDecimal adjustment = pct(charge, 20);
        BigDecimal patient = withPatientShare ? pct(charge, 20) : BigDecimal.ZERO;
        BigDecimal paid = charge.subtract(adjustment).subtract(patient);
        return new RemittanceAdvice(ref, claim.getId(), claim.getPayerClaimNumber(), paid, adjustment, patient, false,
                withPatientShare ? "PR" : "CO", withPatientShare ? "2" : "45", null);
    }

    private static RemittanceAdvice denied(Claim claim, String ref, String carc, String rarc) {
        return new RemittanceAdvice(ref, claim.getId(), claim.getPayerClaimNumber(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, true,
                "CO", carc, rarc);
    }

    private static BigDecimal pct(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** A repeatable 0-99 roll per claim and question, so a demo run is the same every time. */
    static int roll(long claimId, String question) {
        return new java.util.SplittableRandom(claimId * 1_000_003L + question.hashCode()).nextInt(100);
    }

    private static String abbreviate(String s) {
        return s == null ? null : s.length() > 500 ? s.substring(0, 497) + "..." : s;
    }
}
