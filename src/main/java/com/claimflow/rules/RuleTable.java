package com.claimflow.rules;

import com.claimflow.identity.Roles;
import com.claimflow.identity.Worker;
import com.claimflow.rules.DecisionContract.Answer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The decision tables people may change at run time, one per DMN file in processes/, with what their callers read.
 * The contracts come from the callers: {@code sla.SlaPolicy}, {@code workqueue.TaskPriority}, {@code scrub.edits.PayerRulesEdit}
 * and the businessRuleTasks of coding, denial, collections and credit-balance (resultVariable with
 * {@code mapDecisionResult="singleEntry"}). The samples are a fixed list per table chosen to touch each rule's
 * boundary; string-only tables add one sample per rule of the current and the uploaded version (internal.DmnFile#literalSamples).
 */
public enum RuleTable {
    SLA_POLICY("SLA policy and follow-up waits", true,
            new DecisionContract("sla-policy", Set.of("taskType", "payerId"), List.of("taskType"), List.of("warnAfter", "escalateAfter"),
                    Answer.SINGLE_RESULT, "SlaPolicy (every task's SLA warning and escalation timers)", List.of(
                            in("taskType", "CodeEncounter", "payerId", "MCARE"), in("taskType", "CodeEncounter", "payerId", ""),
                            in("taskType", "NoSuchTaskType", "payerId", ""))),
            new DecisionContract("follow-up-wait", Set.of("waitType", "payerId"), List.of("waitType"), List.of("waitFor"),
                    Answer.SINGLE_ENTRY, "SlaPolicy.waitFor (the follow-up timers of queries, acknowledgements and remittances)", List.of(
                            in("waitType", "ProviderQuery", "payerId", ""), in("waitType", "Remittance", "payerId", "MCARE")))),
    TASK_PRIORITY("Task priority", true,
            new DecisionContract("task-priority", Set.of("taskType", "amount", "daysToDeadline"), List.of("taskType", "amount", "daysToDeadline"),
                    List.of("priority"), Answer.SINGLE_ENTRY, "TaskPriority (the order of every work queue)", List.of(
                            in("taskType", "CodeEncounter", "amount", 120.0, "daysToDeadline", 30L),
                            in("taskType", "CodeEncounter", "amount", 6000.0, "daysToDeadline", 30L),
                            in("taskType", "PrepareAppeal", "amount", 1500.0, "daysToDeadline", 10L),
                            in("taskType", "PrepareAppeal", "amount", 200.0, "daysToDeadline", 10L),
                            in("taskType", "FixRejectedClaim", "amount", 300.0, "daysToDeadline", 20L),
                            in("taskType", "FollowUpClaimStatus", "amount", 800.0, "daysToDeadline", 5L),
                            in("taskType", "AuditCoding", "amount", 100.0, "daysToDeadline", 2L),
                            in("taskType", "ResolveEligibility", "amount", 200.0, "daysToDeadline", -1L)))),
    PAYER_RULES("Payer-specific scrub rules", false,
            new DecisionContract("payer-rules", Set.of("payerId", "procedureCode", "placeOfService", "hasPriorAuthorization"),
                    List.of("payerId", "procedureCode"), List.of("ruleId", "severity", "owner", "message"), Answer.LIST,
                    "PayerRulesEdit (the scrubber's payer edits on every claim line)", List.of(
                            in("payerId", "UHC", "procedureCode", "72148", "placeOfService", "22", "hasPriorAuthorization", false),
                            in("payerId", "UHC", "procedureCode", "72148", "placeOfService", "22", "hasPriorAuthorization", true),
                            in("payerId", "AETNA", "procedureCode", "J0585", "placeOfService", "11", "hasPriorAuthorization", false),
                            in("payerId", "BCBS", "procedureCode", "97110", "placeOfService", "11", "hasPriorAuthorization", false),
                            in("payerId", "MCARE", "procedureCode", "99213", "placeOfService", "02", "hasPriorAuthorization", false),
                            in("payerId", "MCARE", "procedureCode", "99213", "placeOfService", "11", "hasPriorAuthorization", false)))),
    DENIAL_ROUTING("Denial routing", false,
            new DecisionContract("denial-routing", null, List.of("denialCarc"), List.of("denialQueue"), Answer.SINGLE_ENTRY,
                    "the denial process (RouteDenial: which queue works the denial)", List.of(
                            in("denialCarc", "16"), in("denialCarc", "50"), in("denialCarc", "97"), in("denialCarc", "999")))),
    CODING_AUDIT_SAMPLING("Coding audit sampling", false,
            new DecisionContract("coding-audit-sampling", null, List.of("coderNew", "estimatedCharge", "auditDraw"), List.of("auditRequired"),
                    Answer.SINGLE_ENTRY, "the coding process (SelectForAudit: whether a coding is audited)", List.of(
                            in("coderNew", true, "estimatedCharge", 100.0, "auditDraw", 0.5),
                            in("coderNew", false, "estimatedCharge", 6000.0, "auditDraw", 0.5),
                            in("coderNew", false, "estimatedCharge", 100.0, "auditDraw", 0.01),
                            in("coderNew", false, "estimatedCharge", 100.0, "auditDraw", 0.5)))),
    COLLECTIONS_ACTION("Collections action", false,
            new DecisionContract("collections-action", null, List.of("patientBalance"), List.of("collectionsAction"), Answer.SINGLE_ENTRY,
                    "the collections process (DecideCollectionsAction: write off or review)", List.of(
                            in("patientBalance", 10.0), in("patientBalance", 24.99), in("patientBalance", 25.0), in("patientBalance", 800.0)))),
    REFUND_APPROVAL("Refund approval", false,
            new DecisionContract("refund-approval", null, List.of("refundTo", "refundAmount"), List.of("approvalRequired"), Answer.SINGLE_ENTRY,
                    "the credit-balance process (DecideRefundApproval: whether a lead approves the refund)", List.of(
                            in("refundTo", "APPLY_TO_OTHER", "refundAmount", 500.0), in("refundTo", "REFUND_PATIENT", "refundAmount", 50.0),
                            in("refundTo", "REFUND_PAYER", "refundAmount", 100.0), in("refundTo", "REFUND_PAYER", "refundAmount", 150.0))));

    private final String label;
    private final boolean leadsMayChange;
    private final List<DecisionContract> decisions;

    RuleTable(String label, boolean leadsMayChange, DecisionContract... decisions) {
        this.label = label;
        this.leadsMayChange = leadsMayChange;
        this.decisions = List.of(decisions);
    }

    /** The key of the table's first decision; the file's versions are listed under it. */
    public String key() {
        return decisions.get(0).key();
    }

    public String label() {
        return label;
    }

    /** The name of the resource a ClaimFlow deployment gives the file. */
    public String resourceName() {
        return key() + ".dmn";
    }

    public List<DecisionContract> decisions() {
        return decisions;
    }

    /** Admins change every table; leads the SLA policy (with its follow-up waits) and task priority. */
    public boolean mayBeChangedBy(Worker worker) {
        return worker.groups().contains(Roles.ADMINS) || leadsMayChange && worker.groups().contains(Roles.LEADS);
    }

    public static Optional<RuleTable> byKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
    }

    private static Map<String, Object> in(Object... namesAndValues) {
        Map<String, Object> sample = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) sample.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return sample;
    }
}
