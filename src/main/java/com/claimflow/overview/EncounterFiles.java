package com.claimflow.overview;

import com.claimflow.audit.AuditEvent;
import com.claimflow.audit.AuditService;
import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimLine;
import com.claimflow.claim.ClaimService;
import com.claimflow.collections.PaymentPlans;
import com.claimflow.document.Documents;
import com.claimflow.document.EncounterDocument;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.intake.Stage;
import com.claimflow.overview.EncounterFile.Adjustment;
import com.claimflow.overview.EncounterFile.ClaimVersion;
import com.claimflow.overview.EncounterFile.Event;
import com.claimflow.overview.EncounterFile.Finding;
import com.claimflow.overview.EncounterFile.Kind;
import com.claimflow.overview.EncounterFile.LedgerLine;
import com.claimflow.overview.EncounterFile.Line;
import com.claimflow.overview.EncounterFile.Payment;
import com.claimflow.overview.EncounterFile.ProcessPath;
import com.claimflow.overview.EncounterFile.Remark;
import com.claimflow.overview.EncounterFile.Scrub;
import com.claimflow.overview.EncounterFile.Sent;
import com.claimflow.reference.AdjustmentCodes;
import com.claimflow.remittance.AccountEntry;
import com.claimflow.remittance.AccountService;
import com.claimflow.remittance.Balance;
import com.claimflow.remittance.PaymentPosting;
import com.claimflow.remittance.RemittanceAdvice;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.submission.OutboxMessage;
import com.claimflow.submission.SubmissionProcess;
import com.claimflow.submission.SubmissionService;
import com.claimflow.workqueue.Note;
import com.claimflow.workqueue.Notes;
import com.claimflow.workqueue.WorkQueueService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricActivityInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import com.claimflow.inbound.InboundIntake;
import com.claimflow.inbound.InboundMessage;
import com.claimflow.inbound.InboundMessageViews;
import com.claimflow.inbound.InboundMessages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The encounter page's read model: one encounter's file assembled from every stage's services, the engine's history
 * and, where no module offers the read, the tables directly (scrub results and 837 control numbers, read-only). Views
 * are not audited here: the page and the API that show the file record who saw it.
 */
@Service
public class EncounterFiles {
    /** Audit actions the timeline leaves out: views (each look would add a row) and completions (the task's own event says it). */
    private static final Set<String> NOT_EVENTS = Set.of(AuditService.VIEWED_ENCOUNTER, AuditService.VIEWED_ENCOUNTER_LIST,
            WorkQueueService.VIEWED_QUEUE, "VIEWED_CLAIM_FILE", Documents.VIEWED_DOCUMENT, "COMPLETED", InboundIntake.RECEIVED_MESSAGE,
            InboundMessageViews.VIEWED_MESSAGE);
    /** Engine steps that are routing, not something that happened: gateways; user tasks come from the task history instead. */
    private static final Set<String> NOT_STEPS = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
            "complexGateway", "userTask", "multiInstanceBody");

    /** The submission model's message catch event that a 999/277CA answer moves past. */
    static final String ACKNOWLEDGEMENT_RECEIVED = "AcknowledgementReceived";

    private final EncounterService encounters;
    private final ClaimService claims;
    private final SubmissionService submissions;
    private final RemittanceService remittance;
    private final AccountService account;
    private final WorkQueueService queues;
    private final Notes notes;
    private final AuditService audit;
    private final HistoryService history;
    private final ManagementService management;
    private final JdbcTemplate jdbc;
    private final Documents documents;
    private final PaymentPlans plans;
    private final InboundMessages inbound;

    public EncounterFiles(EncounterService encounters, ClaimService claims, SubmissionService submissions, RemittanceService remittance,
                          AccountService account, WorkQueueService queues, Notes notes, AuditService audit, HistoryService history,
                          ManagementService management, JdbcTemplate jdbc, Documents documents, PaymentPlans plans,
                          InboundMessages inbound) {
        this.inbound = inbound;
        this.documents = documents;
        this.plans = plans;
        this.encounters = encounters;
        this.claims = claims;
        this.submissions = submissions;
        this.remittance = remittance;
        this.account = account;
        this.queues = queues;
        this.notes = notes;
        this.audit = audit;
        this.history = history;
        this.management = management;
        this.jdbc = jdbc;
    }

    /** A message the encounter came by, or that added to it, as the timeline tells it. */
    static Event messageEvent(InboundMessage m) {
        String what = switch (m.channel()) {
            case API -> "API request";
            case FHIR -> "FHIR bundle";
            case HL7V2 -> "HL7 v2 message";
            case CSV -> "Batch file row";
            case NDJSON -> "Batch file bundle";
        };
        String outcome = switch (m.outcome()) {
            case OPENED -> "opened the encounter";
            case ALREADY_THERE -> "for the open visit: nothing started";
            case CHARGES_ADDED -> "added charges for the coder";
            case DUPLICATE -> "sent again: answered as before";
            case REFUSED -> "refused";
        };
        StringBuilder detail = new StringBuilder();
        if (m.messageKey() != null) detail.append(m.messageKey()).append(", ");
        if (m.batchId() != null) detail.append("batch ").append(m.batchId()).append(" row ").append(m.batchRow()).append(", ");
        detail.append(m.contentType()).append(", ").append(m.bodyBytes()).append(" bytes");
        return new Event(m.receivedAt(), Kind.MESSAGE, what + " received: " + outcome, detail.toString(), m.sender(), m.id());
    }

    /** The encounter's file; {@link com.claimflow.base.NotFoundException} when there is no such encounter. */
    @Transactional(readOnly = true)
    public EncounterFile read(long encounterId) {
        Encounter e = encounters.get(encounterId);
        Balance balance = account.balance(encounterId);
        List<Event> events = new ArrayList<>();
        events.add(new Event(e.createdAt(), Kind.STATUS, "Encounter opened", "external id " + e.externalId(), null));
        List<ClaimVersion> versions = claimVersions(encounterId, events);
        List<Payment> payments = payments(versions, events);
        List<LedgerLine> ledger = ledger(encounterId, events);
        List<ProcessPath> processes = processHistory(e, events);
        EncounterFile.Header header = new EncounterFile.Header(e.id(), e.externalId(), e.patientName(), e.patientBirthDate(), e.patientSex(),
                e.payerId(), e.memberId(), e.dateOfService(), stage(e, processes), balance.insurance(), balance.patient(),
                queues.forEncounter(encounterId));
        List<EncounterDocument> kept = documents.forEncounter(encounterId);
        for (EncounterDocument d : kept) {
            events.add(new Event(d.createdAt(), Kind.FILE, d.title() + " written", d.fileName() + " (" + d.sizeBytes() / 1024 + " KB)", d.createdBy()));
        }
        for (InboundMessage m : inbound.ofEncounter(encounterId)) events.add(messageEvent(m));
        for (AuditEvent a : audit.forEncounter(encounterId)) {
            if (!NOT_EVENTS.contains(a.getAction())) events.add(new Event(a.getOccurredAt(), Kind.STATUS, label(a.getAction()), a.getDetail(), a.getActor()));
        }
        // newest first; what happened at the same instant keeps the order it was gathered in, reversed
        List<Event> timeline = IntStream.range(0, events.size()).boxed()
                .sorted(Comparator.<Integer, Instant>comparing(i -> events.get(i).at(), Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Comparator.naturalOrder()).reversed())
                .map(events::get).toList();
        return new EncounterFile(header, timeline, versions, payments, ledger, processes, kept, plans.current(encounterId));
    }

    private List<ClaimVersion> claimVersions(long encounterId, List<Event> events) {
        List<Claim> all = claims.versionsOf(encounterId);
        if (all.isEmpty()) return List.of();
        List<Long> ids = all.stream().map(Claim::id).toList();
        String in = String.join(",", Collections.nCopies(ids.size(), "?"));
        Map<Long, List<String>> controls = new HashMap<>();
        jdbc.query("select claim_id, control_number from x12_claim_transaction where claim_id in (" + in + ") order by id",
                rs -> { controls.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)); }, ids.toArray());
        Map<Long, List<Scrub>> scrubs = scrubs(ids, in);
        List<ClaimVersion> versions = new ArrayList<>();
        for (Claim c : all) {
            List<Line> lines = IntStream.range(0, c.lines().size()).mapToObj(i -> line(i + 1, c.lines().get(i))).toList();
            List<Sent> files = submissions.messagesFor(c.id()).stream().map(EncounterFiles::sent).toList();
            ClaimVersion v = new ClaimVersion(c.id(), c.version(), c.frequencyCode(), c.status().name(), c.claimType(), c.memberId(), c.diagnoses(),
                    lines, c.totalCharge(), c.payerClaimNumber(), controls.getOrDefault(c.id(), List.of()), scrubs.getOrDefault(c.id(), List.of()),
                    files, c.createdAt());
            versions.add(v);
            events.add(new Event(c.createdAt(), Kind.STATUS, "Claim " + c.id() + " version " + c.version() + " built",
                    "frequency " + c.frequencyCode() + ", " + lines.size() + " lines, charge " + c.totalCharge() + "; now " + c.status(), null));
            for (Scrub s : v.scrubs()) {
                events.add(new Event(s.at(), Kind.SCRUB, "Claim version " + c.version() + " scrubbed: " + (s.clean() ? "clean" : "edits failed"),
                        s.findings().stream().map(f -> f.editId() + " " + f.location() + ": " + f.message()).collect(Collectors.joining("; ")), null));
            }
            for (Sent f : files) {
                events.add(new Event(f.sentAt() != null ? f.sentAt() : f.createdAt(), Kind.FILE,
                        "837 of claim version " + f.version() + (f.sentAt() != null ? " sent" : " queued"),
                        f.format() + ", attempt " + f.attempt() + ", " + f.status(), null));
            }
        }
        return versions;
    }

    private static Line line(int number, ClaimLine l) {
        return new Line(number, l.code(), l.modifiers(), l.units(), l.charge(), l.pointers(), l.revenueCode());
    }

    private static Sent sent(OutboxMessage m) {
        return new Sent(m.getId(), m.getClaimVersion(), m.getAttempt(), m.getFormat(), m.getStatus().name(), m.getCreatedAt(), m.getSentAt(),
                m.getPayload());
    }

    /** Scrub results of the claims with their findings, oldest first, in one query. */
    private Map<Long, List<Scrub>> scrubs(List<Long> claimIds, String in) {
        Map<Long, Long> claimOf = new LinkedHashMap<>();
        Map<Long, Instant> at = new HashMap<>();
        Map<Long, Boolean> clean = new HashMap<>();
        Map<Long, List<Finding>> findings = new HashMap<>();
        jdbc.query("select r.id, r.claim_id, r.clean, r.scrubbed_at, e.edit_id, e.severity, e.location, e.message from scrub_result r "
                + "left join scrub_edit e on e.result_id = r.id where r.claim_id in (" + in + ") order by r.id, e.seq", rs -> {
            long id = rs.getLong(1);
            claimOf.put(id, rs.getLong(2));
            clean.put(id, rs.getBoolean(3));
            at.put(id, rs.getTimestamp(4).toInstant());
            List<Finding> list = findings.computeIfAbsent(id, k -> new ArrayList<>());
            if (rs.getString(5) != null) list.add(new Finding(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
        }, claimIds.toArray());
        Map<Long, List<Scrub>> byClaim = new HashMap<>();
        claimOf.forEach((id, claim) -> byClaim.computeIfAbsent(claim, k -> new ArrayList<>())
                .add(new Scrub(at.get(id), clean.get(id), List.copyOf(findings.get(id)))));
        return byClaim;
    }

    private List<Payment> payments(List<ClaimVersion> versions, List<Event> events) {
        List<Payment> payments = new ArrayList<>();
        for (ClaimVersion v : versions) {
            List<PaymentPosting> postings = remittance.postingsFor(v.id());
            if (postings.isEmpty()) continue;
            List<RemittanceAdvice.Adjustment> adjustments = remittance.adjustmentsFor(v.id());
            List<RemittanceAdvice.Remark> remarks = remittance.remarksFor(v.id());
            for (PaymentPosting p : postings) {
                List<Adjustment> cas = new ArrayList<>();
                // the claim-level CAS the posting itself keeps (e.g. a denial's group and CARC) when no CAS detail came with it
                if (adjustments.isEmpty() && p.getCarc() != null) {
                    cas.add(new Adjustment(null, null, p.getCarcGroup(), p.getCarc(), AdjustmentCodes.describeCarc(p.getCarc()), null));
                }
                adjustments.stream().map(a -> new Adjustment(a.lineNo(), a.procedureCode(), a.group(), a.carc(), AdjustmentCodes.describeCarc(a.carc()), a.amount()))
                        .forEach(cas::add);
                List<Remark> rarcs = new ArrayList<>(remarks.stream().map(r -> new Remark(r.lineNo(), r.rarc(), AdjustmentCodes.describeRarc(r.rarc()))).toList());
                if (remarks.isEmpty() && p.getRarc() != null) rarcs.add(new Remark(null, p.getRarc(), AdjustmentCodes.describeRarc(p.getRarc())));
                BigDecimal allowed = p.getPaid().add(p.getPatientResponsibility());
                payments.add(new Payment(v.id(), p.getSourceRef(), p.getOutcome(), p.getCharge(), p.getPaid(), allowed, p.getContractualAdjustment(),
                        p.getPatientResponsibility(), p.getPostedAt(), List.copyOf(cas), List.copyOf(rarcs)));
                events.add(new Event(p.getPostedAt(), Kind.FILE, "835 claim payment for claim version " + v.version() + ": " + p.getOutcome(),
                        "paid " + p.getPaid() + ", patient " + p.getPatientResponsibility()
                                + (p.getCarc() == null ? "" : ", " + p.getCarcGroup() + "-" + p.getCarc())
                                + (p.getRarc() == null ? "" : " " + p.getRarc()) + " (" + p.getSourceRef() + ")", "payer"));
            }
        }
        return payments;
    }

    /** The account's lines, oldest first, each with the balance after it (what insurance and the patient owe together). */
    private List<LedgerLine> ledger(long encounterId, List<Event> events) {
        List<LedgerLine> lines = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        for (AccountEntry a : account.entries(encounterId)) {
            running = running.add(a.getAmount()).add(a.getPatientAmount());
            lines.add(new LedgerLine(a.getPostedAt(), a.getType().name(), a.getClaimId(), a.getAmount(), a.getPatientAmount(), running,
                    a.getReason(), a.getPostedBy()));
            events.add(new Event(a.getPostedAt(), Kind.POSTING, label(a.getType().name()) + amounts(a),
                    (a.getReason() == null ? "" : a.getReason() + "; ") + "balance " + running, a.getPostedBy()));
        }
        return lines;
    }

    /**
     * The engine's history of the encounter: its process instances (business key = encounter id: the main one and the
     * sub-processes its call activities start), their steps and human tasks in one query each (by root process
     * instance, indexed), the notes of each task, and why an acknowledgement refused the claim.
     */
    private List<ProcessPath> processHistory(Encounter e, List<Event> events) {
        List<Note> encounterNotes = notes.forEncounter(e.id());
        Map<String, List<Note>> notesByTask = new HashMap<>();
        for (Note n : encounterNotes) {
            if (n.taskId() != null) notesByTask.computeIfAbsent(n.taskId(), k -> new ArrayList<>()).add(n);
            else events.add(new Event(n.writtenAt(), Kind.NOTE, "Note (" + label(n.kind().name()) + ")", n.text(), n.author()));
        }
        if (e.processInstanceId() == null) return List.of();
        // native: the same rows as a query by business key, without the query builder's joins (indexed on BUSINESS_KEY_)
        List<HistoricProcessInstance> instances = history.createNativeHistoricProcessInstanceQuery()
                .sql("select * from " + management.getTableName(HistoricProcessInstanceEntity.class) + " where BUSINESS_KEY_ = #{key}")
                .parameter("key", String.valueOf(e.id())).list().stream()
                .filter(p -> e.processInstanceId().equals(p.getRootProcessInstanceId()) || e.processInstanceId().equals(p.getId()))
                // the encounter's own process first (the diagram opens on it), then its sub-processes as they started: on MySQL
                // the start times are to the second, and a fast encounter starts several in the same one
                .sorted(Comparator.comparing((HistoricProcessInstance p) -> !p.getId().equals(e.processInstanceId()))
                        .thenComparing(HistoricProcessInstance::getStartTime)).toList();
        if (instances.isEmpty()) return List.of();
        List<HistoricActivityInstance> steps = history.createNativeHistoricActivityInstanceQuery()
                .sql("select * from " + management.getTableName(HistoricActivityInstanceEntity.class) + " where ROOT_PROC_INST_ID_ = #{root}")
                .parameter("root", e.processInstanceId()).list();
        Map<String, String> ackReasons = ackReasons(steps);
        Map<String, Set<String>> completed = new HashMap<>();
        Map<String, Set<String>> active = new HashMap<>();
        for (HistoricActivityInstance s : steps) {
            (s.getEndTime() == null ? active : completed).computeIfAbsent(s.getProcessInstanceId(), k -> new LinkedHashSet<>()).add(s.getActivityId());
            if (NOT_STEPS.contains(s.getActivityType())) continue;
            boolean unnamedEdge = s.getActivityName() == null && s.getActivityType().endsWith("Event");
            if (unnamedEdge) continue;
            String name = s.getActivityName() != null ? s.getActivityName() : s.getActivityId();
            String detail = s.getEndTime() == null ? "in progress" : s.isCanceled() ? "cancelled" : "done";
            if (ACKNOWLEDGEMENT_RECEIVED.equals(s.getActivityId())) {
                String reason = ackReasons.get(s.getProcessInstanceId());
                if (reason != null) detail += "; refused: " + reason;
            }
            events.add(new Event(s.getStartTime().toInstant(), Kind.PROCESS, name, s.getActivityType() + ", " + detail, null));
        }
        List<HistoricTaskInstance> tasks = history.createNativeHistoricTaskInstanceQuery()
                .sql("select * from " + management.getTableName(HistoricTaskInstanceEntity.class) + " where ROOT_PROC_INST_ID_ = #{root}")
                .parameter("root", e.processInstanceId()).list();
        for (HistoricTaskInstance t : tasks) {
            String outcome = t.getEndTime() == null ? "open" : "completed".equals(t.getDeleteReason()) ? "completed" : "ended: " + t.getDeleteReason();
            String note = notesByTask.getOrDefault(t.getId(), List.of()).stream()
                    .map(n -> label(n.kind().name()) + " note by " + n.author() + ": " + n.text()).collect(Collectors.joining("\n"));
            Instant at = (t.getEndTime() != null ? t.getEndTime() : t.getStartTime()).toInstant();
            events.add(new Event(at, Kind.TASK, t.getName() + " (" + outcome + ")",
                    "opened " + t.getStartTime().toInstant() + (note.isEmpty() ? "" : "\n" + note), t.getAssignee()));
        }
        return instances.stream().map(p -> new ProcessPath(p.getId(), p.getProcessDefinitionId(), p.getProcessDefinitionKey(),
                p.getStartTime().toInstant(), p.getEndTime() != null, Set.copyOf(completed.getOrDefault(p.getId(), Set.of())),
                Set.copyOf(active.getOrDefault(p.getId(), Set.of())))).toList();
    }

    /** ": insurance -10.00", ": patient 8.75" or both: what the line moved on each side. */
    private static String amounts(AccountEntry a) {
        String insurance = a.getAmount().signum() == 0 ? "" : " insurance " + a.getAmount();
        String patient = a.getPatientAmount().signum() == 0 ? "" : " patient " + a.getPatientAmount();
        return ":" + insurance + (insurance.isEmpty() || patient.isEmpty() ? "" : ",") + patient;
    }

    /** Why an acknowledgement refused the claim, by submission process instance; asked only when one arrived. */
    private Map<String, String> ackReasons(List<HistoricActivityInstance> steps) {
        String[] acknowledged = steps.stream().filter(s -> ACKNOWLEDGEMENT_RECEIVED.equals(s.getActivityId()))
                .map(HistoricActivityInstance::getProcessInstanceId).distinct().toArray(String[]::new);
        Map<String, String> reasons = new HashMap<>();
        if (acknowledged.length == 0) return reasons;
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().variableName(SubmissionProcess.ACK_REASON)
                .processInstanceIdIn(acknowledged).disableCustomObjectDeserialization().list()) {
            if (v.getValue() != null) reasons.put(v.getProcessInstanceId(), v.getValue().toString());
        }
        return reasons;
    }

    /**
     * Where the encounter stands, as {@link EncounterService#stage} says it, read off the history already at hand: the main
     * process's active step, or CLOSED when it ended.
     */
    private static String stage(Encounter e, List<ProcessPath> processes) {
        if (e.processInstanceId() == null) return "INTAKE";
        ProcessPath main = processes.stream().filter(p -> p.processInstanceId().equals(e.processInstanceId())).findFirst().orElse(null);
        if (main == null || main.ended() || main.active().isEmpty()) return "CLOSED";
        return Stage.ofActivity(main.active().iterator().next());
    }

    /** "PATIENT_PAYMENT" → "Patient payment". */
    static String label(String constant) {
        String s = constant.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
