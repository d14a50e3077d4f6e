package com.claimflow.overview;

import com.claimflow.collections.PaymentPlan;
import com.claimflow.document.EncounterDocument;
import com.claimflow.workqueue.WorkItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything on file for one encounter, as its page and the timeline API show it: the header, what happened (newest
 * first), every claim version with its 837 and scrub findings, every 835 claim payment, the account's lines and where
 * the encounter's processes went. A snapshot read by {@link EncounterFiles}.
 */
public record EncounterFile(Header header, List<Event> timeline, List<ClaimVersion> claims, List<Payment> payments, List<LedgerLine> ledger,
                            List<ProcessPath> processes, List<EncounterDocument> documents, Optional<PaymentPlan> paymentPlan) {

    /** Who, which coverage, where it stands and what is owed. */
    public record Header(long id, String externalId, String patientName, LocalDate birthDate, String sex, String payerId, String memberId,
                         LocalDate dateOfService, String stage, BigDecimal insuranceBalance, BigDecimal patientBalance, List<WorkItem> openTasks) {
    }

    /**
     * One thing that happened; {@code kind} says which source it came from. A {@link Kind#MESSAGE} names the stored
     * message ({@code messageId}) that the page and {@code GET /api/inbound/messages/{id}} show as received.
     */
    public record Event(Instant at, Kind kind, String title, String detail, String actor, Long messageId) {
        public Event(Instant at, Kind kind, String title, String detail, String actor) {
            this(at, kind, title, detail, actor, null);
        }
    }

    public enum Kind {
        /** A step of the encounter's processes from the engine's history (service task, event, sub-process). */
        PROCESS,
        /** A human task: who worked it, when, how it ended, and its note. */
        TASK,
        /** A note written outside a task. */
        NOTE,
        /** A file in or out: an 837 handed to the clearinghouse, an 835 claim payment, an acknowledgement. */
        FILE,
        /** A line on the account. */
        POSTING,
        /** A claim version scrubbed. */
        SCRUB,
        /** A message from the clinical system: the FHIR bundle, HL7 v2 message or batch row the encounter came by. */
        MESSAGE,
        /** The audit trail's record of work moving (claimed, reassigned, escalated, SLA warnings). */
        STATUS
    }

    /** One version of the claim with what was sent and found. */
    public record ClaimVersion(long id, int version, String frequencyCode, String status, String claimType, String memberId,
                               List<String> diagnoses, List<Line> lines, BigDecimal totalCharge, String payerClaimNumber,
                               List<String> controlNumbers, List<Scrub> scrubs, List<Sent> files, Instant createdAt) {
    }

    /** A service line as billed. */
    public record Line(int number, String code, List<String> modifiers, int units, BigDecimal charge, List<Integer> pointers, String revenueCode) {
    }

    /** One scrub of a claim version and its findings. */
    public record Scrub(Instant at, boolean clean, List<Finding> findings) {
    }

    public record Finding(String editId, String severity, String location, String message) {
    }

    /** One attempt of the claim's 837 (or other format), as queued. */
    public record Sent(long outboxId, int version, int attempt, String format, String status, Instant createdAt, Instant sentAt, String payload) {
    }

    /** One 835 claim payment (CLP) with its adjustments (CAS) and remarks (RARC). */
    public record Payment(long claimId, String sourceRef, String outcome, BigDecimal charge, BigDecimal paid, BigDecimal allowed,
                          BigDecimal contractualAdjustment, BigDecimal patientResponsibility, Instant postedAt, List<Adjustment> adjustments,
                          List<Remark> remarks) {
    }

    /** {@code line} null: claim level. */
    public record Adjustment(Integer line, String procedureCode, String group, String carc, String description, BigDecimal amount) {
    }

    public record Remark(Integer line, String rarc, String description) {
    }

    /** An account line and the balance (insurance plus patient) after it. */
    public record LedgerLine(Instant at, String type, Long claimId, BigDecimal insurance, BigDecimal patient, BigDecimal balance,
                             String reason, String by) {
    }

    /**
     * One process instance of the encounter (the main one and each called sub-process): the activities it passed and the
     * ones it stands in now, for drawing on its deployed model.
     */
    public record ProcessPath(String processInstanceId, String definitionId, String definitionKey, Instant startedAt, boolean ended,
                              Set<String> completed, Set<String> active) {
    }
}
