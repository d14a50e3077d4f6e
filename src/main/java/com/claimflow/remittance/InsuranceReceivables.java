package com.claimflow.remittance;

import com.claimflow.base.BadInputException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Insurance A/R: what payers still owe on claims they have not answered, by payer and by age. A claim is out from
 * the moment it is handed off (its charge goes on the account then, {@link ChargeOnSubmission}) or, for a secondary or
 * tertiary claim, from when the earlier payer's patient share was billed to it, until its payer answers. The amount is
 * the encounter's insurance-side balance; the age counts days from that first entry of the claim.
 */
@Service
@Transactional(readOnly = true)
public class InsuranceReceivables {
    /** The usual aging buckets of an A/R report, in days. */
    public static final List<String> BUCKETS = List.of("0-30", "31-60", "61-90", "91-120", "over 120");
    /** Claims that are with a payer and not answered yet. */
    private static final String OUT = "'SUBMITTED','ACCEPTED','FORWARDED'";

    private final JdbcTemplate jdbc;

    public InsuranceReceivables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One payer's insurance A/R: the amount in each bucket ({@link #BUCKETS}, same order), the total and the claims out. */
    public record PayerAging(String payerId, List<BigDecimal> buckets, BigDecimal total, int claims) {
    }

    /** One claim out: its payer, what insurance owes on the encounter, the days since it went out and the bucket. */
    public record ClaimOut(long claimId, long encounterId, String payerId, BigDecimal owed, long days, String bucket) {
    }

    /**
     * The claims out as of {@code asOf} (the rows behind {@link #byPayer}), oldest first; {@code payerId} null for every
     * payer.
     */
    public List<ClaimOut> claimsOut(Instant asOf, String payerId) {
        if (payerId != null && (payerId.isBlank() || payerId.length() > 20)) {
            throw new BadInputException("payerId", "a payer id of 1 to 20 characters, or leave it out for every payer");
        }
        List<ClaimOut> out = new ArrayList<>();
        jdbc.query("select c.id, c.encounter_id, c.payer_id, (select min(f.posted_at) from account_entry f where f.claim_id = c.id), "
                + "(select sum(b.amount) from account_entry b where b.encounter_id = c.encounter_id) "
                + "from claim c where c.status in (" + OUT + ")" + (payerId == null ? "" : " and c.payer_id = ?"), rs -> {
            Timestamp since = rs.getTimestamp(4);
            BigDecimal owed = rs.getBigDecimal(5);
            if (since == null || owed == null || owed.signum() <= 0) return;
            long days = ChronoUnit.DAYS.between(since.toInstant(), asOf);
            out.add(new ClaimOut(rs.getLong(1), rs.getLong(2), rs.getString(3), owed, days, BUCKETS.get(bucket(days))));
        }, payerId == null ? new Object[0] : new Object[] {payerId});
        out.sort((a, b) -> Long.compare(b.days(), a.days()));
        return out;
    }

    /** Insurance A/R as of {@code asOf}, per payer (largest total first); {@code payerId} null for every payer. */
    public List<PayerAging> byPayer(Instant asOf, String payerId) {
        Map<String, BigDecimal[]> amounts = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ClaimOut c : claimsOut(asOf, payerId)) {
            BigDecimal[] row = amounts.computeIfAbsent(c.payerId(), k -> zeros());
            int bucket = bucket(c.days());
            row[bucket] = row[bucket].add(c.owed());
            counts.merge(c.payerId(), 1, Integer::sum);
        }
        List<PayerAging> result = new ArrayList<>();
        amounts.forEach((payer, row) -> result.add(new PayerAging(payer, List.of(row), sum(row), counts.get(payer))));
        result.sort((a, b) -> b.total().compareTo(a.total()));
        return result;
    }

    private static int bucket(long days) {
        return days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : days <= 120 ? 3 : 4;
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] row = new BigDecimal[BUCKETS.size()];
        java.util.Arrays.fill(row, BigDecimal.ZERO);
        return row;
    }

    private static BigDecimal sum(BigDecimal[] row) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal b : row) total = total.add(b);
        return total;
    }
}
