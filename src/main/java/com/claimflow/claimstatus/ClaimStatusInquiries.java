package com.claimflow.claimstatus;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.claimstatus.x12.ClaimStatus276Writer;
import com.claimflow.eligibility.PayerInquiryFiles;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.reference.Payer;
import com.claimflow.reference.Provider;
import com.claimflow.reference.ReferenceService;
import com.claimflow.remittance.AdjudicationProcess;
import com.claimflow.remittance.x12.ClaimStatusResponse277.Answer;
import com.claimflow.x12.Interchange;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claim status inquiries: sends the 276 when a claim's remittance is overdue, stores every 277 answer, decides with
 * {@link ClaimStatusDecision} and moves the waiting adjudication on (message {@code ClaimStatusAnswered}).
 */
@Service
@EnableConfigurationProperties(ClaimStatusSettings.class)
public class ClaimStatusInquiries {
    private final JdbcTemplate jdbc;
    private final PayerInquiryFiles files;
    private final ClaimService claims;
    private final EncounterService encounters;
    private final ReferenceService reference;
    private final ClaimStatusSettings settings;
    private final ApplicationEventPublisher events;
    private final RuntimeService runtime;
    private final String submitterName;

    public ClaimStatusInquiries(JdbcTemplate jdbc, PayerInquiryFiles files, ClaimService claims, EncounterService encounters,
                                ReferenceService reference, ClaimStatusSettings settings, ApplicationEventPublisher events, RuntimeService runtime,
                                @Value("${claimflow.x12.submitter-name:ClaimFlow Billing Office}") String submitterName) {
        this.jdbc = jdbc;
        this.files = files;
        this.claims = claims;
        this.encounters = encounters;
        this.reference = reference;
        this.settings = settings;
        this.events = events;
        this.runtime = runtime;
        this.submitterName = submitterName;
    }

    public boolean enabled() {
        return settings.inquiries();
    }

    /** The adjudication timer's wait for the 277 (ISO-8601), from {@code claimflow.claim-status.answer-wait}. */
    public String answerWait() {
        return settings.answerWait().toString();
    }

    /** Our patient control number of a claim version, as the 837's CLM01 carries it. */
    public static String patientControlNumber(Claim c) {
        return "CF" + c.id() + "V" + c.version();
    }

    public ClaimStatusInquiry inquiryFor(Claim c) {
        Encounter e = encounters.get(c.encounterId());
        return new ClaimStatusInquiry(c.payerId(), reference.payer(c.payerId()).map(Payer::name).orElse(c.payerId()), c.billingNpi(),
                reference.provider(c.billingNpi()).map(Provider::name).orElse("BILLING PROVIDER"), submitterName, files.submitterId(),
                e.patientLastName(), e.patientFirstName(), e.patientBirthDate(), e.patientSex(), c.memberId(), patientControlNumber(c),
                c.payerClaimNumber(), c.totalCharge(), c.dateOfService());
    }

    /** Sends the 276 for the claim and records it; the adjudication process {@code processInstanceId} waits for the 277. */
    @Transactional
    public ClaimStatusCheck send(long claimId, String processInstanceId) {
        Claim claim = claims.get(claimId);
        ClaimStatusInquiry inquiry = inquiryFor(claim);
        Interchange interchange = files.interchange();
        String trace = "CS" + interchange.isaControlNumber();
        String body = ClaimStatus276Writer.write(interchange, trace, inquiry);
        String fileName = "276-" + interchange.isaControlNumber() + ".x12";
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into claim_status_inquiry (claim_id, claim_version, encounter_id, process_instance_id, payer_id, "
                    + "trace_number, file_name, payload, sent_at, status) values (?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setLong(1, claimId);
            ps.setInt(2, claim.version());
            ps.setLong(3, claim.encounterId());
            ps.setString(4, processInstanceId);
            ps.setString(5, claim.payerId());
            ps.setString(6, trace);
            ps.setString(7, fileName);
            ps.setString(8, body);
            ps.setTimestamp(9, Timestamp.from(Instant.now()));
            ps.setString(10, "SENT");
            return ps;
        }, key);
        long id = key.getKey().longValue();
        files.deliver(fileName, body);
        events.publishEvent(new ClaimStatusInquirySent(id, claimId, trace, inquiry));
        return forClaim(claimId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    /** What taking one 277 claim status did; {@code decision} is null unless it was stored. */
    public record Taken(Outcome outcome, ClaimStatusDecision decision) {
    }

    public enum Outcome { APPLIED, LATE, UNKNOWN_TRACE }

    /**
     * Takes one claim status of a 277 file: stores it, decides, and moves the waiting adjudication on. A 277 for an
     * inquiry answered before is stored too (every 277 is kept) but moves nothing: the process took the first.
     */
    @Transactional
    public Taken answer(long fileId, Answer a) {
        List<Object[]> rows = jdbc.query("select id, claim_id, status, process_instance_id from claim_status_inquiry where trace_number = ?",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)}, a.traceNumber());
        if (rows.isEmpty()) return new Taken(Outcome.UNKNOWN_TRACE, null);
        long id = (Long) rows.get(0)[0];
        long claimId = (Long) rows.get(0)[1];
        boolean waiting = "SENT".equals(rows.get(0)[2]);
        int inquiries = jdbc.queryForObject("select count(*) from claim_status_inquiry where claim_id = ?", Integer.class, claimId);
        boolean finalizedBefore = jdbc.queryForObject("select count(*) from claim_status_answer where claim_id = ? and category like 'F%'",
                Integer.class, claimId) > 0;
        ClaimStatusDecision decision = ClaimStatusDecision.of(a, inquiries, finalizedBefore, settings.maxInquiries());
        jdbc.update("insert into claim_status_answer (inquiry_id, claim_id, file_id, segment_number, received_at, category, statuses, payer_claim_number, "
                        + "paid, finalized_on, check_number, action, reason) values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                id, claimId, fileId, a.segmentNumber(), Timestamp.from(Instant.now()), cut(a.category(), 3), cut(a.reason(), 1000),
                cut(a.payerClaimNumber(), 50), a.paid(), a.finalizedOn() == null ? null : Date.valueOf(a.finalizedOn()), cut(a.checkNumber(), 50),
                decision.action(), cut(decision.answer(), 1000));
        jdbc.update("update claim_status_inquiry set status = 'ANSWERED' where id = ?", id);
        String processInstanceId = (String) rows.get(0)[3];
        // asked first: a correlation that fails would mark the file's transaction rollback-only
        if (!waiting || processInstanceId == null || runtime.createExecutionQuery().processInstanceId(processInstanceId)
                .messageEventSubscriptionName(AdjudicationProcess.CLAIM_STATUS_ANSWERED_MESSAGE).count() == 0) {
            return new Taken(Outcome.LATE, decision);
        }
        try {
            runtime.createMessageCorrelation(AdjudicationProcess.CLAIM_STATUS_ANSWERED_MESSAGE).processInstanceId(processInstanceId)
                    .setVariable(AdjudicationProcess.CLAIM_STATUS_ACTION, decision.action())
                    .setVariable(AdjudicationProcess.CLAIM_STATUS_ANSWER, decision.answer())
                    .correlateWithResult();
            return new Taken(Outcome.APPLIED, decision);
        } catch (MismatchingMessageCorrelationException notWaiting) {
            return new Taken(Outcome.LATE, decision);
        }
    }

    /** The wait for the 277 ended: the inquiry is marked and the follow-up task says so. */
    @Transactional
    public String noAnswer(String processInstanceId) {
        List<Object[]> waiting = jdbc.query("select id, trace_number, file_name, sent_at from claim_status_inquiry where process_instance_id = ? "
                + "and status = 'SENT' order by id desc", (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant()}, processInstanceId);
        String answer = waiting.isEmpty() ? "no 277 came back in time"
                : "no 277 came back within " + answerWait() + " of the 276 sent " + waiting.get(0)[3] + " (trace " + waiting.get(0)[1] + ", file "
                + waiting.get(0)[2] + "): call the payer or check its portal";
        for (Object[] w : waiting) jdbc.update("update claim_status_inquiry set status = 'NO_ANSWER' where id = ?", w[0]);
        return answer;
    }

    /** The claim's inquiries with their answers, newest first. */
    public List<ClaimStatusCheck> forClaim(long claimId) {
        return checks("claim_id", claimId);
    }

    /** Every claim version's inquiries of an encounter, newest first. */
    public List<ClaimStatusCheck> forEncounter(long encounterId) {
        return checks("encounter_id", encounterId);
    }

    public Optional<String> payload(long inquiryId) {
        return jdbc.query("select payload from claim_status_inquiry where id = ?", (rs, n) -> rs.getString(1), inquiryId).stream().findFirst();
    }

    private List<ClaimStatusCheck> checks(String column, long value) {
        // the column is one of two names above, never input
        LinkedHashMap<Long, Object[]> inquiries = new LinkedHashMap<>();
        jdbc.query("select id, claim_id, claim_version, payer_id, trace_number, file_name, sent_at, status from claim_status_inquiry where "
                + column + " = ? order by id desc", rs -> {
                    inquiries.put(rs.getLong(1), new Object[] {rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getTimestamp(7).toInstant(), rs.getString(8)});
                }, value);
        LinkedHashMap<Long, List<ClaimStatusCheck.Reply>> replies = new LinkedHashMap<>();
        jdbc.query("select a.inquiry_id, a.file_id, a.segment_number, a.received_at, a.category, a.statuses, a.payer_claim_number, a.paid, "
                + "a.finalized_on, a.check_number, a.action, a.reason from claim_status_answer a join claim_status_inquiry i on i.id = a.inquiry_id "
                + "where i." + column + " = ? order by a.id", rs -> {
                    replies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ClaimStatusCheck.Reply(rs.getLong(2), rs.getInt(3),
                            rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8),
                            rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(), rs.getString(10), rs.getString(11), rs.getString(12)));
                }, value);
        List<ClaimStatusCheck> out = new ArrayList<>();
        inquiries.forEach((id, r) -> out.add(new ClaimStatusCheck(id, (Long) r[0], (Integer) r[1], (String) r[2], (String) r[3], (String) r[4],
                (Instant) r[5], (String) r[6], replies.getOrDefault(id, List.of()))));
        return out;
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
