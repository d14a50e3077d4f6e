package com.claimflow.scrub.edits;

import com.claimflow.base.DeployedDecision;
import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.ClaimSnapshot;
import com.claimflow.scrub.ClaimSnapshot.Line;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.ScrubSubject;
import com.claimflow.scrub.ScrubbingProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Payer-specific rules from the {@code payer-rules} DMN table in processes/ (an analyst edits it in Camunda Modeler):
 * evaluated once per service line with payerId, procedureCode, placeOfService and hasPriorAuthorization; every
 * matching rule raises its edit (ruleId, severity, owner, message) on the line.
 *
 * <p>By default the table is evaluated through Camunda's {@link DecisionService}, which records each evaluation in the
 * decision history. {@code claimflow.scrub.payer-rules.history=false} evaluates the latest deployed table with a DMN engine
 * of its own (no history rows; redeployment noticed within a minute), for high-volume pre-checks.
 */
@Component
public class PayerRulesEdit implements ClaimEdit {

    private final DecisionService decisions;
    private final DeployedDecision table;
    private final boolean history;

    public PayerRulesEdit(DecisionService decisions, ProcessEngine engine, @Value("${claimflow.scrub.payer-rules.history:true}") boolean history) {
        this.decisions = decisions;
        this.table = new DeployedDecision(engine.getRepositoryService(), ScrubbingProcess.PAYER_RULES_DECISION_KEY);
        this.history = history;
    }

    @Override
    public List<Finding> check(ScrubSubject s) {
        ClaimSnapshot c = s.claim();
        if (c.payerId() == null) return List.of();
        List<Finding> found = new ArrayList<>();
        boolean hasAuth = c.priorAuthorization() != null && !c.priorAuthorization().isBlank();
        for (int i = 0; i < c.lines().size(); i++) {
            Line line = c.lines().get(i);
            if (line.code() == null) continue;
            var vars = Variables.createVariables()
                    .putValue("payerId", c.payerId())
                    .putValue("procedureCode", line.code().trim().toUpperCase(Locale.ROOT))
                    .putValue("placeOfService", c.placeOfService())
                    .putValue("hasPriorAuthorization", hasAuth);
            List<Map<String, Object>> hits;
            if (history) {
                hits = decisions.evaluateDecisionByKey(ScrubbingProcess.PAYER_RULES_DECISION_KEY).variables(vars).evaluate().getResultList();
            } else {
                hits = table.answer(c.payerId() + '|' + line.code() + '|' + c.placeOfService() + '|' + hasAuth, vars,
                        DmnDecisionResult::getResultList);
            }
            for (Map<String, Object> hit : hits) {
                String owner = String.valueOf(hit.get("owner"));
                Finding.Owner o = "CODER".equalsIgnoreCase(owner) ? Finding.Owner.CODER : Finding.Owner.BILLER;
                String id = String.valueOf(hit.get("ruleId"));
                String message = String.valueOf(hit.get("message"));
                found.add("WARNING".equalsIgnoreCase(String.valueOf(hit.get("severity")))
                        ? Finding.warning(id, o, "line " + (i + 1), message)
                        : Finding.error(id, o, "line " + (i + 1), message));
            }
        }
        return found;
    }
}
