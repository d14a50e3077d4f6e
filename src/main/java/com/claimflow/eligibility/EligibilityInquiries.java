package com.claimflow.eligibility;

import com.claimflow.eligibility.x12.Eligibility270Writer;
import com.claimflow.eligibility.x12.Eligibility271.Answer;
import com.claimflow.eligibility.x12.Eligibility271.Coverage;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.intake.EncounterService;
import com.claimflow.reference.Payer;
import com.claimflow.reference.Provider;
import com.claimflow.reference.ReferenceService;
import com.claimflow.x12.Interchange;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Eligibility inquiries of encounters: sends the 270 for intake's eligibility step, takes the payer's 271 answer and
 * moves the waiting intake on (message {@code EligibilityAnswered}), and keeps both for the encounter page and the task.
 */
@Service
@EnableConfigurationProperties(EligibilitySettings.class)
public class EligibilityInquiries {
    private static final String COLUMNS = "id, encounter_id, payer_id, member_id, trace_number, file_name, sent_at, status, answered_at, "
            + "answer_file_id, answer_segment, plan_name, group_number, copay, deductible, coinsurance, benefits, reason";

    private final JdbcTemplate jdbc;
    private final PayerInquiryFiles files;
    private final EncounterService encounters;
    private final ReferenceService reference;
    private final EligibilitySettings settings;
    private final ApplicationEventPublisher events;
    private final RuntimeService runtime;

    public EligibilityInquiries(JdbcTemplate jdbc, PayerInquiryFiles files, EncounterService encounters, ReferenceService reference,
                                EligibilitySettings settings, ApplicationEventPublisher events, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.files = files;
        this.encounters = encounters;
        this.reference = reference;
        this.settings = settings;
        this.events = events;
        this.runtime = runtime;
    }

    public boolean enabled() {
        return settings.inquiries();
    }

    /** The intake timer's wait for the 271 (ISO-8601), from {@code claimflow.eligibility.answer-wait}. */
    public String answerWait() {
        return settings.answerWait().toString();
    }

    /** The 270 for an encounter as it stands: its primary coverage's subscriber, and the patient as dependent when someone else is. */
    public EligibilityInquiry inquiryFor(Encounter e) {
        String payerName = reference.payer(e.payerId()).map(Payer::name).orElse(e.payerId());
        String providerName = reference.provider(e.billingNpi()).map(Provider::name).orElse("BILLING PROVIDER");
        com.claimflow.intake.CoverageOnFile primary = e.coverage(com.claimflow.intake.CoverageOnFile.PRIMARY).orElse(null);
        if (primary != null && !primary.isSelf() && primary.subscriber() != null) {
            // the patient is a dependent of the subscriber (2100C the subscriber, 2100D the patient, X279A1)
            com.claimflow.intake.Subscriber s = primary.subscriber();
            return new EligibilityInquiry(s.lastName(), s.firstName(), s.birthDate(), s.sex(), primary.subscriberMemberId(), e.payerId(), payerName,
                    e.billingNpi(), providerName, e.dateOfService(), new EligibilityInquiry.Dependent(e.patientLastName(), e.patientFirstName(),
                    e.patientBirthDate(), e.patientSex(), primary.relationship()));
        }
        return new EligibilityInquiry(e.patientLastName(), e.patientFirstName(), e.patientBirthDate(), e.patientSex(), e.memberId(), e.payerId(),
                payerName, e.billingNpi(), providerName, e.dateOfService(), null);
    }

    /** Sends the 270 and records it; the intake process {@code processInstanceId} waits for its answer. */
    @Transactional
    public EligibilityCheck send(long encounterId, String processInstanceId) {
        return send(encounterId, processInstanceId, inquiryFor(encounters.get(encounterId)));
    }

    @Transactional
    public EligibilityCheck send(long encounterId, String processInstanceId, EligibilityInquiry inquiry) {
        Interchange interchange = files.interchange();
        // TRN02: unique per inquiry because the interchange number is
        String trace = "EL" + interchange.isaControlNumber();
        String body = Eligibility270Writer.write(interchange, trace, settings.originator(), inquiry);
        String fileName = "270-" + interchange.isaControlNumber() + ".x12";
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into eligibility_inquiry (encounter_id, process_instance_id, payer_id, member_id, trace_number, "
                    + "file_name, payload, sent_at, status) values (?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setLong(1, encounterId);
            ps.setString(2, processInstanceId);
            ps.setString(3, inquiry.payerId());
            ps.setString(4, inquiry.memberId());
            ps.setString(5, trace);
            ps.setString(6, fileName);
            ps.setString(7, body);
            ps.setTimestamp(8, Timestamp.from(Instant.now()));
            ps.setString(9, "SENT");
            return ps;
        }, key);
        long id = key.getKey().longValue();
        files.deliver(fileName, body);
        events.publishEvent(new EligibilityInquirySent(id, encounterId, trace, inquiry));
        return get(id);
    }

    public EligibilityCheck get(long id) {
        return jdbc.queryForObject("select " + COLUMNS + " from eligibility_inquiry where id = ?", ROW, id);
    }

    /** The encounter's inquiries, newest first. */
    public List<EligibilityCheck> forEncounter(long encounterId) {
        return jdbc.query("select " + COLUMNS + " from eligibility_inquiry where encounter_id = ? order by id desc", ROW, encounterId);
    }

    public Optional<EligibilityCheck> latest(long encounterId) {
        return forEncounter(encounterId).stream().findFirst();
    }

    /** The 270 as sent, for support staff and the encounter page. */
    public Optional<String> payload(long id) {
        return jdbc.query("select payload from eligibility_inquiry where id = ?", (rs, n) -> rs.getString(1), id).stream().findFirst();
    }

    /** What taking one 271 answer did. */
    public enum Taken { APPLIED, LATE, UNKNOWN_TRACE, ANSWERED_BEFORE }

    /**
     * Takes one answer of a 271 file: stores it on its inquiry and, when intake still waits, moves it on with
     * {@code eligible} and, when not eligible, the payer's words as {@code eligibilityProblem}. Runs in the caller's transaction.
     */
    @Transactional
    public Taken answer(long fileId, Answer a) {
        List<Object[]> rows = jdbc.query("select id, status, process_instance_id from eligibility_inquiry where trace_number = ?",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, a.traceNumber());
        if (rows.isEmpty()) return Taken.UNKNOWN_TRACE;
        long id = (Long) rows.get(0)[0];
        if (!"SENT".equals(rows.get(0)[1]) && !"NO_ANSWER".equals(rows.get(0)[1])) return Taken.ANSWERED_BEFORE;
        String problem = problem(a, fileId);
        jdbc.update("update eligibility_inquiry set status = ?, answered_at = ?, answer_file_id = ?, answer_segment = ?, plan_name = ?, group_number = ?, "
                        + "copay = ?, deductible = ?, coinsurance = ?, benefits = ?, reason = ? where id = ?",
                a.coverage().name(), Timestamp.from(Instant.now()), fileId, a.segment(), cut(a.plan(), 80), cut(a.groupNumber(), 50), a.copay(),
                a.deductible(), a.coinsurance(), cut(String.join("; ", a.benefits()), 2000), cut(problem, 1000), id);
        String processInstanceId = (String) rows.get(0)[2];
        // asked first: a correlation that fails would mark the file's transaction rollback-only
        if (processInstanceId == null || runtime.createExecutionQuery().processInstanceId(processInstanceId)
                .messageEventSubscriptionName(EncounterProcess.ELIGIBILITY_ANSWERED_MESSAGE).count() == 0) {
            return Taken.LATE;
        }
        try {
            runtime.createMessageCorrelation(EncounterProcess.ELIGIBILITY_ANSWERED_MESSAGE).processInstanceId(processInstanceId)
                    .setVariables(Map.of(EncounterProcess.ELIGIBLE, a.coverage() == Coverage.ACTIVE))
                    .setVariable(EncounterProcess.ELIGIBILITY_PROBLEM, problem)
                    .correlateWithResult();
            return Taken.APPLIED;
        } catch (MismatchingMessageCorrelationException notWaiting) {
            // the wait ended (a biller already resolves it) or the encounter moved on: the answer is kept for them to read
            return Taken.LATE;
        }
    }

    /** The wait for the 271 ended: marks the inquiry and says so in the biller's words. */
    @Transactional
    public String noAnswer(String processInstanceId) {
        List<EligibilityCheck> waiting = jdbc.query("select " + COLUMNS + " from eligibility_inquiry where process_instance_id = ? and status = 'SENT' "
                + "order by id desc", ROW, processInstanceId);
        String problem = waiting.isEmpty() ? "no 271 came back from the payer in time"
                : "no 271 came back from payer " + waiting.get(0).payerId() + " within " + answerWait() + " of the 270 sent "
                + waiting.get(0).sentAt() + " (trace " + waiting.get(0).traceNumber() + ", file " + waiting.get(0).fileName()
                + "): call the payer or check the portal, then complete the task to ask again";
        for (EligibilityCheck c : waiting) {
            jdbc.update("update eligibility_inquiry set status = 'NO_ANSWER', reason = ? where id = ?", cut(problem, 1000), c.id());
        }
        return problem;
    }

    /** Null when the answer is active coverage; else why not, naming the file and segment the biller can look up. */
    static String problem(Answer a, long fileId) {
        String where = " (271 file " + fileId + ", segment " + a.segment() + ", trace " + a.traceNumber() + ")";
        return switch (a.coverage()) {
            case ACTIVE -> null;
            case INACTIVE -> "the payer's 271 says coverage is inactive for member id " + a.memberId() + " on the date of service" + where;
            case REJECTED -> "the payer rejected the eligibility inquiry: " + String.join("; ",
                    a.rejections().stream().map(r -> r.toString().replaceAll(" \\[segment.*\\]$", "")).toList()) + where;
            case UNKNOWN -> "the payer's 271 gives neither a coverage status (EB) nor a reject reason (AAA)" + where;
        };
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }

    private static final RowMapper<EligibilityCheck> ROW = (rs, n) -> new EligibilityCheck(rs.getLong("id"), rs.getLong("encounter_id"),
            rs.getString("payer_id"), rs.getString("member_id"), rs.getString("trace_number"), rs.getString("file_name"),
            rs.getTimestamp("sent_at").toInstant(), rs.getString("status"),
            rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant(),
            (Long) rs.getObject("answer_file_id", Long.class), (Integer) rs.getObject("answer_segment", Integer.class), rs.getString("plan_name"),
            rs.getString("group_number"), rs.getBigDecimal("copay"), rs.getBigDecimal("deductible"), rs.getBigDecimal("coinsurance"),
            rs.getString("benefits"), rs.getString("reason"));
}
