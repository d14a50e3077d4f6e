package com.claimflow.overview.api;

import com.claimflow.audit.AuditService;
import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.inbound.Channel;
import com.claimflow.inbound.InboundIntake;
import com.claimflow.inbound.IncomingEncounter;
import com.claimflow.inbound.Receipt;
import com.claimflow.inbound.Received;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.collections.CollectionsService;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterRequest;
import com.claimflow.intake.EncounterService;
import com.claimflow.overview.EncounterFile;
import com.claimflow.overview.EncounterFiles;
import com.claimflow.remittance.AccountService;
import com.claimflow.remittance.Balance;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Intake and encounter status for other systems (EHR, scheduling) and support staff. */
@RestController
@RequestMapping("/api/encounters")
public class EncounterController {
    private final EncounterService encounters;
    private final ClaimService claims;
    private final AccountService account;
    private final WorkQueueService queues;
    private final CollectionsService collections;
    private final AuditService audit;
    private final CurrentWorker worker;
    private final EncounterFiles files;
    private final InboundIntake intake;
    private final ObjectMapper json;

    public EncounterController(EncounterService encounters, ClaimService claims, AccountService account, WorkQueueService queues,
                               CollectionsService collections, AuditService audit, CurrentWorker worker, EncounterFiles files, InboundIntake intake, ObjectMapper json) {
        this.files = files;
        this.intake = intake;
        this.json = json;
        this.encounters = encounters;
        this.claims = claims;
        this.account = account;
        this.queues = queues;
        this.collections = collections;
        this.audit = audit;
        this.worker = worker;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('BILLERS','LEADS','ADMINS')")
    public ResponseEntity<EncounterStatus> open(@Valid @RequestBody EncounterRequest request) throws Exception {
        // through the intake every channel shares: the request is kept as received and on the encounter's timeline
        String body = RequestBodyKept.kept();
        Receipt receipt = intake.open(new Received(Channel.API, null, worker.get().userId(), "application/json",
                body != null ? body : json.writeValueAsString(request)), new IncomingEncounter(request));
        return switch (receipt.outcome()) {
            case OPENED -> {
                Encounter e = encounters.get(receipt.encounterId());
                yield ResponseEntity.created(URI.create("/api/encounters/" + e.id())).body(status(e));
            }
            case REFUSED -> throw new BadInputException(receipt.problemField(), receipt.problem());
            default -> throw new ConflictException("encounter with external id '" + receipt.externalId() + "' already exists as encounter "
                    + receipt.encounterId(), Map.of("encounterId", receipt.encounterId()));
        };
    }

    @GetMapping("/{id}")
    public EncounterStatus get(@PathVariable long id) {
        Encounter e = encounters.get(id);
        audit.record(worker.get().userId(), AuditService.VIEWED_ENCOUNTER, id, null, "api");
        return status(e);
    }

    /** What happened to the encounter, newest first: engine steps, tasks and their notes, files, postings, scrubs, status moves. */
    @GetMapping("/{id}/timeline")
    public List<TimelineEvent> timeline(@PathVariable long id) {
        EncounterFile file = files.read(id);
        audit.record(worker.get().userId(), AuditService.VIEWED_ENCOUNTER, id, null, "api timeline");
        return file.timeline().stream().map(TimelineEvent::of).toList();
    }

    /** One event; {@code messageId}, on a MESSAGE, is the stored message: {@code GET /api/inbound/messages/{messageId}}. */
    public record TimelineEvent(Instant at, String kind, String title, String detail, String actor, Long messageId) {
        static TimelineEvent of(EncounterFile.Event e) {
            return new TimelineEvent(e.at(), e.kind().name(), e.title(), e.detail(), e.actor(), e.messageId());
        }
    }

    @PostMapping("/{id}/patient-payments")
    @PreAuthorize("hasAnyRole('BILLERS','LEADS')")
    public EncounterStatus patientPayment(@PathVariable long id, @Valid @RequestBody PatientPayment payment) {
        encounters.get(id);
        collections.postPatientPayment(id, payment.amount(), payment.reference(), worker.get().userId(), Boolean.TRUE.equals(payment.acceptCredit()));
        return status(encounters.get(id));
    }

    /**
     * {@code amount}: dollars and cents, more than zero and at most the patient's balance unless {@code acceptCredit} is
     * true (the patient paid more: the rest is a credit balance a biller refunds); {@code reference}: the check or
     * receipt, at most the account entry's 120 characters.
     */
    public record PatientPayment(@NotNull(message = "is required, e.g. 25.00") @Positive(message = "must be more than zero")
                                 @Digits(integer = 10, fraction = 2, message = "must be dollars and cents: at most 2 decimals and 10 digits before the point (DECIMAL(12,2))")
                                 BigDecimal amount,
                                 @Size(max = AccountService.REFERENCE_MAX, message = "at most 120 characters") String reference,
                                 Boolean acceptCredit) {
    }

    private EncounterStatus status(Encounter e) {
        Balance balance = account.balance(e.id());
        ClaimState claim = claims.latestFor(e.id()).map(ClaimState::of).orElse(null);
        List<OpenTask> tasks = queues.forEncounter(e.id()).stream().map(OpenTask::of).toList();
        return new EncounterStatus(e.id(), e.externalId(), e.payerId(), e.dateOfService(), encounters.stage(e), tasks, claim,
                balance.insurance(), balance.patient(), balance.total());
    }

    public record EncounterStatus(long id, String externalId, String payerId, LocalDate dateOfService, String stage, List<OpenTask> openTasks,
                                  ClaimState claim, BigDecimal insuranceBalance, BigDecimal patientBalance, BigDecimal balance) {
    }

    public record OpenTask(String taskId, String taskType, String name, String queue, String assignee, int priority, String slaState) {
        static OpenTask of(WorkItem w) {
            return new OpenTask(w.taskId(), w.taskType(), w.taskName(), w.queue(), w.assignee(), w.priority(), w.slaState().name());
        }
    }

    public record ClaimState(long id, int version, String frequencyCode, String status, BigDecimal totalCharge, String payerClaimNumber) {
        static ClaimState of(Claim c) {
            return new ClaimState(c.id(), c.version(), c.frequencyCode(), c.status().name(), c.totalCharge(), c.payerClaimNumber());
        }
    }
}
