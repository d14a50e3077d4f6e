package com.claimflow.remittance;

import com.claimflow.base.BadInputException;
import com.claimflow.base.NotFoundException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a payer file says that no claim's process can take, kept and handed to a biller (process
 * {@code payer-file-exception}): an 835 claim payment no claim of ours matches or that could not be posted, and a 277CA
 * rejection of a billing provider or of the whole file. The row and the task's process start in the caller's
 * transaction, so a kept payment always has its task. Business key: {@code <transaction>:<file id>:<segment>}.
 */
@Service
@Transactional
public class PayerFileExceptions {
    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;

    public PayerFileExceptions(JdbcTemplate jdbc, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.runtime = runtime;
    }

    /** An 835 claim payment (CLP at {@code segmentNumber} of the file) that was not posted, and why. */
    public record UnmatchedPayment(long id, long fileId, int segmentNumber, String patientControlNumber, String payerClaimNumber,
                                   String statusCode, BigDecimal charge, BigDecimal paid, String payerId, String reason,
                                   String resolution, Long resolvedClaimId) {
        public boolean resolved() {
            return resolution != null;
        }
    }

    /** A 277CA status (STC) that rejects a provider (2000C) or the whole file (2000B information receiver). */
    public record ProviderRejection(long id, long fileId, int segmentNumber, String level, String entityName, String entityId,
                                    String statuses, String payerId, String resolution) {
    }

    /** Keeps the payment and opens its biller task; the id of the kept payment. */
    public long keepUnmatchedPayment(long fileId, int segmentNumber, String patientControlNumber, String payerClaimNumber, String statusCode,
                                     BigDecimal charge, BigDecimal paid, String payerId, String reason) {
        long id = insert("insert into unmatched_payment (file_id, segment_number, patient_control_no, payer_claim_number, status_code, charge, paid, "
                + "reason, resolved, created_at, payer_id) values (?,?,?,?,?,?,?,?,?,?,?)", fileId, segmentNumber, cut(patientControlNumber, 38),
                cut(payerClaimNumber, 50), cut(statusCode, 2), charge, paid, cut(reason, 500), false, Timestamp.from(Instant.now()), cut(payerId, 20));
        ProcessInstance p = runtime.startProcessInstanceByKey(PayerFileExceptionProcess.PROCESS, "835:" + fileId + ":" + segmentNumber,
                Variables.createVariables()
                .putValue(PayerFileExceptionProcess.EXCEPTION_TYPE, "UNMATCHED_PAYMENT").putValue(PayerFileExceptionProcess.EXCEPTION_ID, id)
                .putValue(PayerFileExceptionProcess.INBOUND_FILE_ID, fileId)
                .putValue(PayerFileExceptionProcess.PAYER_ID, cut(payerId, 20))
                .putValue(PayerFileExceptionProcess.PAYMENT_AMOUNT, paid == null ? 0.0 : paid.doubleValue()));
        jdbc.update("update unmatched_payment set process_instance_id = ? where id = ?", p.getId(), id);
        return id;
    }

    /** Records the rejection and opens its biller task; the id of the recorded rejection. */
    public long raiseProviderRejection(long fileId, int segmentNumber, String level, String entityName, String entityId, String statuses,
                                       String payerId) {
        long id = insert("insert into provider_rejection (file_id, segment_number, hl_level, entity_name, entity_id, statuses, payer_id, created_at) "
                + "values (?,?,?,?,?,?,?,?)", fileId, segmentNumber, cut(level, 40), cut(entityName, 80), cut(entityId, 80), cut(statuses, 1000),
                cut(payerId, 20), Timestamp.from(Instant.now()));
        ProcessInstance p = runtime.startProcessInstanceByKey(PayerFileExceptionProcess.PROCESS, "277CA:" + fileId + ":" + segmentNumber,
                Variables.createVariables()
                .putValue(PayerFileExceptionProcess.EXCEPTION_TYPE, "PROVIDER_REJECTION").putValue(PayerFileExceptionProcess.EXCEPTION_ID, id)
                .putValue(PayerFileExceptionProcess.INBOUND_FILE_ID, fileId)
                .putValue(PayerFileExceptionProcess.PAYER_ID, cut(payerId, 20)));
        jdbc.update("update provider_rejection set process_instance_id = ? where id = ?", p.getId(), id);
        return id;
    }

    /** An open rejection of the same level, entity and statuses from the same payer: the payer sent the same answer again. */
    @Transactional(readOnly = true)
    public Optional<Long> openRejection(String level, String entityId, String statuses, String payerId) {
        return jdbc.queryForList("select id from provider_rejection where resolution is null and hl_level = ? and coalesce(entity_id, '') = ? "
                + "and statuses = ? and coalesce(payer_id, '') = ? order by id", Long.class, cut(level, 40), entityId == null ? "" : cut(entityId, 80),
                cut(statuses, 1000), payerId == null ? "" : cut(payerId, 20)).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<UnmatchedPayment> unmatchedPayment(long id) {
        return jdbc.query("select id, file_id, segment_number, patient_control_no, payer_claim_number, status_code, charge, paid, payer_id, reason, "
                + "resolution, resolved_claim_id from unmatched_payment where id = ?", (rs, n) -> new UnmatchedPayment(rs.getLong(1), rs.getLong(2),
                rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9),
                rs.getString(10), rs.getString(11), (Long) rs.getObject(12, Long.class)), id).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<ProviderRejection> providerRejection(long id) {
        return jdbc.query("select id, file_id, segment_number, hl_level, entity_name, entity_id, statuses, payer_id, resolution "
                + "from provider_rejection where id = ?", (rs, n) -> new ProviderRejection(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)), id).stream().findFirst();
    }

    /** The kept payment a task of process {@code payer-file-exception} is about. */
    @Transactional(readOnly = true)
    public Optional<UnmatchedPayment> unmatchedPaymentOf(String processInstanceId) {
        return idOf(processInstanceId, "UNMATCHED_PAYMENT").flatMap(this::unmatchedPayment);
    }

    /** The rejection a task of process {@code payer-file-exception} is about. */
    @Transactional(readOnly = true)
    public Optional<ProviderRejection> providerRejectionOf(String processInstanceId) {
        return idOf(processInstanceId, "PROVIDER_REJECTION").flatMap(this::providerRejection);
    }

    private Optional<Long> idOf(String processInstanceId, String type) {
        Map<String, Object> v = runtime.getVariables(processInstanceId, java.util.List.of(PayerFileExceptionProcess.EXCEPTION_TYPE,
                PayerFileExceptionProcess.EXCEPTION_ID));
        return type.equals(v.get(PayerFileExceptionProcess.EXCEPTION_TYPE)) && v.get(PayerFileExceptionProcess.EXCEPTION_ID) instanceof Number n
                ? Optional.of(n.longValue()) : Optional.empty();
    }

    /** Records how a biller resolved a kept payment ({@code MATCHED} with the claim it was posted to, {@code NOT_OURS}, {@code REFUND}). */
    public void resolvePayment(long id, String resolution, Long claimId, String note, String by) {
        int n = jdbc.update("update unmatched_payment set resolved = ?, resolution = ?, resolved_claim_id = ?, note = ?, resolved_by = ?, resolved_at = ? "
                + "where id = ? and resolution is null", true, resolution, claimId, cut(note, 1000), by, Timestamp.from(Instant.now()), id);
        if (n == 0) throw new NotFoundException("no open unmatched payment " + id);
    }

    /** Records how a biller resolved a provider rejection. */
    public void resolveRejection(long id, String resolution, String note, String by) {
        int n = jdbc.update("update provider_rejection set resolution = ?, note = ?, resolved_by = ?, resolved_at = ? where id = ? and resolution is null",
                resolution, cut(note, 1000), by, Timestamp.from(Instant.now()), id);
        if (n == 0) throw new NotFoundException("no open provider rejection " + id);
    }

    /** A required, non-blank note from a form. */
    public static String requireNote(Object note) {
        if (!(note instanceof String s) || s.isBlank()) throw new BadInputException("note", "say what you found and did");
        return s.trim();
    }

    private long insert(String sql, Object... values) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
