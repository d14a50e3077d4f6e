package com.claimflow.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;

/**
 * The latest deployed version of one DMN table, parsed once and evaluated in memory: no query for the latest version and
 * no decision history per evaluation, for tables asked thousands of times a second (task priority, payer rules). A
 * redeployed table is noticed within {@link #REFRESH_MILLIS}. Decisions a person must be able to trace later go through
 * Camunda's {@code DecisionService} instead.
 */
public final class DeployedDecision {
    public static final long REFRESH_MILLIS = 60_000;
    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private final RepositoryService repository;
    private final String key;
    private volatile Parsed parsed;

    private record Parsed(String definitionId, DmnDecision decision, long checkedAt) {
    }

    public DeployedDecision(RepositoryService repository, String key) {
        this.repository = repository;
        this.key = key;
    }

    public DmnDecisionResult evaluate(Map<String, Object> variables) {
        return DMN.evaluateDecision(current().decision(), variables);
    }

    /** The id of the deployed definition now evaluated: callers that keep answers drop them when it changes. */
    public String definitionId() {
        return current().definitionId();
    }

    private Parsed current() {
        Parsed p = parsed;
        long now = System.currentTimeMillis();
        if (p != null && now - p.checkedAt() <= REFRESH_MILLIS) return p;
        synchronized (this) {
            p = parsed;
            if (p != null && now - p.checkedAt() <= REFRESH_MILLIS) return p;
            var definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
            if (definition == null) throw new IllegalStateException("decision " + key + " is not deployed");
            if (p != null && p.definitionId().equals(definition.getId())) {
                p = new Parsed(p.definitionId(), p.decision(), now);
            } else {
                try (var model = repository.getDecisionModel(definition.getId())) {
                    p = new Parsed(definition.getId(), DMN.parseDecision(key, model), now);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the deployed decision " + key, e);
                }
            }
            parsed = p;
            return p;
        }
    }
}
