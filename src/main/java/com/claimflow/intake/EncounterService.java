package com.claimflow.intake;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.base.NotFoundException;
import com.claimflow.intake.internal.EncounterRepository;
import com.claimflow.reference.Npi;
import com.claimflow.reference.Payer;
import com.claimflow.reference.ReferenceService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens encounters and starts their revenue-cycle process; the public face of intake. */
@Service
public class EncounterService {

    public static final String PROCESS_KEY = "encounter";

    private final EncounterRepository encounters;
    private final ReferenceService reference;
    private final RuntimeService runtime;

    public EncounterService(EncounterRepository encounters, ReferenceService reference, RuntimeService runtime) {
        this.encounters = encounters;
        this.reference = reference;
        this.runtime = runtime;
    }

    /**
     * Validates the request against reference data, stores the encounter and starts its process,
     * all in one transaction: either both exist or neither does.
     *
     * @throws ConflictException when an encounter with the same external id exists
     */
    @Transactional
    public Encounter open(EncounterRequest request) {
        Optional<Encounter> existing = encounters.findByExternalId(request.externalId().trim());
        if (existing.isPresent()) {
            throw duplicate(existing.get());
        }
        Payer payer = reference.payer(request.coverage().payerId())
                .orElseThrow(() -> new BadInputException("coverage.payerId", "unknown payer '" + request.coverage().payerId() + "'"));
        if (!payer.isActive()) {
            throw new BadInputException("coverage.payerId", "payer '" + payer.getId() + "' is not active");
        }
        requireProvider("billingProviderNpi", request.billingProviderNpi());
        if (request.renderingProviderNpi() != null) {
            requireProvider("renderingProviderNpi", request.renderingProviderNpi());
        }
        if (request.referringProviderNpi() != null && !Npi.isValid(request.referringProviderNpi())) {
            // a referring physician need not be on file, but the number must be a real NPI
            throw new BadInputException("referringProviderNpi", "'" + request.referringProviderNpi() + "' is not a valid NPI (10 digits, Luhn check digit)");
        }
        Encounter encounter;
        try {
            encounter = encounters.saveAndFlush(new Encounter(request));
        } catch (DataIntegrityViolationException race) {
            throw new ConflictException("encounter with external id '" + request.externalId() + "' already exists", null);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("encounterId", encounter.getId());
        variables.put("payerId", encounter.getPayerId());
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(encounter.getId()), variables);
        encounter.startedAs(instance.getId());
        return encounter;
    }

    private static ConflictException duplicate(Encounter existing) {
        return new ConflictException("encounter with external id '" + existing.getExternalId() + "' already exists as encounter "
                + existing.getId(), Map.of("encounterId", existing.getId()));
    }

    private void requireProvider(String field, String npi) {
        if (!Npi.isValid(npi)) {
            throw new BadInputException(field, "'" + npi + "' is not a valid NPI (10 digits, Luhn check digit)");
        }
        if (reference.provider(npi).isEmpty()) {
            throw new BadInputException(field, "no provider with NPI " + npi + " is on file");
        }
    }

    @Transactional(readOnly = true)
    public Encounter get(long id) {
        return encounters.findById(id).orElseThrow(() -> new NotFoundException("no encounter " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Encounter> find(long id) {
        return encounters.findById(id);
    }

    @Transactional(readOnly = true)
    public List<Encounter> all() {
        return encounters.findAll();
    }

    @Transactional(readOnly = true)
    public long count() {
        return encounters.count();
    }

    /** Eligibility as far as the product can tell without a 270/271 exchange: active payer, member id in the payer's format. */
    @Transactional(readOnly = true)
    public Optional<String> eligibilityProblem(long encounterId) {
        Encounter e = get(encounterId);
        Payer payer = reference.payer(e.getPayerId()).orElse(null);
        if (payer == null || !payer.isActive()) {
            return Optional.of("payer " + e.getPayerId() + " is not active");
        }
        if (e.getMemberId() == null || e.getMemberId().isBlank()) {
            return Optional.of("member id is missing");
        }
        if (payer.getSubscriberIdPattern() != null && !e.getMemberId().matches(payer.getSubscriberIdPattern())) {
            return Optional.of("member id '" + e.getMemberId() + "' does not match " + payer.getName() + "'s format");
        }
        return Optional.empty();
    }

    @Transactional
    public void correctMemberId(long encounterId, String memberId) {
        if (memberId == null || memberId.isBlank()) {
            throw new BadInputException("memberId", "enter the member id from the patient's insurance card");
        }
        get(encounterId).memberIdCorrected(memberId.trim());
    }

    @Transactional
    public void recordPriorAuthorization(long encounterId, String number) {
        if (number == null || number.isBlank() || number.trim().length() > 50) {
            throw new BadInputException("priorAuthorization", "enter the authorization number from the payer's letter (at most 50 characters)");
        }
        get(encounterId).priorAuthorizationEntered(number.trim());
    }

    /** Where the encounter's process stands: the main process's active stage, or CLOSED. */
    @Transactional(readOnly = true)
    public String stage(Encounter encounter) {
        if (encounter.getProcessInstanceId() == null) return "INTAKE";
        List<String> active = runtime.createProcessInstanceQuery().processInstanceId(encounter.getProcessInstanceId()).count() == 0
                ? List.of()
                : runtime.getActiveActivityIds(encounter.getProcessInstanceId());
        return active.isEmpty() ? "CLOSED" : Stage.ofActivity(active.get(0));
    }
}
