package com.claimflow.rules;

import com.claimflow.audit.AuditService;
import com.claimflow.base.BadInputException;
import com.claimflow.base.DeployedDecision;
import com.claimflow.base.NotFoundException;
import com.claimflow.identity.Worker;
import com.claimflow.rules.internal.DmnFile;
import com.claimflow.rules.internal.RuleChecks;
import com.claimflow.rules.internal.RuleVersionStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decision tables changed at run time. A new version is checked ({@link RuleChecks}), deployed to the engine as a
 * deployment of its own name ({@link #DEPLOYMENT_NAME}: the start-up auto-deployment compares only against its own
 * name, so it never puts the shipped table back on top; see docs/decisions/0012), recorded with who and why, audited,
 * and evaluated at once on this node ({@link DeployedDecision#redeployed()}). Nodes that did not deploy it see it at their
 * next evaluation through the engine, and within {@link DeployedDecision#REFRESH_MILLIS} for in-memory tables.
 */
@Service
public class RulesService {
    public static final String RULE_DEPLOYED = "RULE_DEPLOYED";
    /** The engine deployment name and source of every version deployed from ClaimFlow. */
    public static final String DEPLOYMENT_NAME = "claimflow-rules";
    public static final String DEPLOYMENT_SOURCE = "ClaimFlow decision tables";
    /** The name the Spring Boot starter gives its start-up deployment of processes/. */
    public static final String SHIPPED_DEPLOYMENT = "SpringAutoDeployment";
    public static final int MAX_FILE_BYTES = 1024 * 1024;
    public static final int MAX_REASON = 1000;

    private final RepositoryService repository;
    private final RuleVersionStore store;
    private final AuditService audit;
    private final TransactionTemplate transaction;

    public RulesService(RepositoryService repository, RuleVersionStore store, AuditService audit, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.store = store;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The tables the person may see and change, in menu order. */
    public List<RuleTable> tablesFor(Worker worker) {
        return Arrays.stream(RuleTable.values()).filter(t -> t.mayBeChangedBy(worker)).toList();
    }

    public List<RuleTableSummary> summaries(Worker worker) {
        return tablesFor(worker).stream().map(t -> new RuleTableSummary(t.key(), t.label(), current(t))).toList();
    }

    /** The table of that key, if the person may change it: an unknown key is not found, another's table is denied. */
    public RuleTable table(String key, Worker worker) {
        RuleTable table = RuleTable.byKey(key).orElseThrow(() -> new NotFoundException("no decision table '" + key + "'; tables: "
                + Arrays.stream(RuleTable.values()).map(RuleTable::key).toList()));
        if (!table.mayBeChangedBy(worker)) throw new AccessDeniedException("the table " + key + " is changed by admins only");
        return table;
    }

    /** Every version, newest first. */
    public List<RuleVersion> versions(String key, Worker worker) {
        return versions(table(key, worker));
    }

    public RuleVersion current(String key, Worker worker) {
        return current(table(key, worker));
    }

    public byte[] dmn(String key, int version, Worker worker) {
        return xml(definition(table(key, worker), version));
    }

    public List<DecisionTableContent> content(String key, int version, Worker worker) {
        try {
            return DmnFile.read(dmn(key, version, worker)).content();
        } catch (DmnFile.Unreadable e) {
            throw new IllegalStateException("the deployed version " + version + " of " + key + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Checks an edited file against the callers and answers the samples with both versions; changes nothing. */
    public RuleCheck check(String key, byte[] file, Worker worker) {
        RuleTable table = table(key, worker);
        requireFile(file);
        return checked(table, file);
    }

    public RuleVersion deploy(String key, byte[] file, String reason, Worker worker) {
        RuleTable table = table(key, worker);
        requireFile(file);
        String why = requireReason(reason);
        return deployChecked(table, file, why, worker.userId(), null);
    }

    /** Deploys an earlier version's file again, as the newest version, after the same checks as an upload. */
    public RuleVersion restore(String key, int version, String reason, Worker worker) {
        RuleTable table = table(key, worker);
        DecisionDefinition old = definition(table, version);
        String why = requireReason(reason);
        if (version == current(table).version()) throw new BadInputException("version", "version " + version + " is already the current version");
        return deployChecked(table, xml(old), why, worker.userId(), version);
    }

    private RuleVersion deployChecked(RuleTable table, byte[] file, String reason, String user, Integer restoredFrom) {
        RuleCheck check = checked(table, file);
        if (!check.accepted()) throw new BadInputException("file", String.join("; ", check.problems()));
        int version = transaction.execute(tx -> {
            var deployment = deployToEngine(table, file);
            int v = deployment.getDeployedDecisionDefinitions().stream().filter(d -> d.getKey().equals(table.key())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the deployment of " + table.key() + " holds no such decision")).getVersion();
            Instant now = Instant.now();
            store.insert(new RuleVersionStore.Row(table.key(), v, deployment.getId(), user, reason, now, restoredFrom));
            audit.record(user, RULE_DEPLOYED, null, null, table.key() + " version " + v
                    + (restoredFrom == null ? "" : " (restored from version " + restoredFrom + ")") + ": " + reason);
            return v;
        });
        DeployedDecision.redeployed();
        return versions(table).stream().filter(r -> r.version() == version).findFirst().orElseThrow();
    }

    private org.camunda.bpm.engine.repository.DeploymentWithDefinitions deployToEngine(RuleTable table, byte[] file) {
        try {
            return repository.createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_SOURCE)
                    .addInputStream(table.resourceName(), new ByteArrayInputStream(file)).deployWithResult();
        } catch (ProcessEngineException e) {
            throw new BadInputException("file", "the engine refused to deploy it: " + e.getMessage());
        }
    }

    private RuleCheck checked(RuleTable table, byte[] file) {
        DecisionDefinition latest = latest(table);
        DmnFile current;
        try {
            current = DmnFile.read(xml(latest));
        } catch (DmnFile.Unreadable e) {
            current = null;
        }
        return RuleChecks.check(table, latest.getVersion(), current, file);
    }

    RuleVersion current(RuleTable table) {
        return versions(table).get(0);
    }

    List<RuleVersion> versions(RuleTable table) {
        List<DecisionDefinition> definitions = repository.createDecisionDefinitionQuery().decisionDefinitionKey(table.key())
                .orderByDecisionDefinitionVersion().desc().list();
        if (definitions.isEmpty()) throw new IllegalStateException("decision " + table.key() + " is not deployed");
        Map<Integer, RuleVersionStore.Row> recorded = store.byVersion(table.key());
        Map<String, Deployment> deployments = new HashMap<>();
        List<RuleVersion> versions = new ArrayList<>();
        int latest = definitions.get(0).getVersion();
        for (DecisionDefinition d : definitions) {
            Deployment deployment = deployments.computeIfAbsent(d.getDeploymentId(),
                    id -> repository.createDeploymentQuery().deploymentId(id).singleResult());
            RuleVersionStore.Row row = recorded.get(d.getVersion());
            Instant at = deployment == null || deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant();
            if (row != null && row.deploymentId().equals(d.getDeploymentId())) {
                String origin = row.restoredFrom() == null ? RuleVersion.UPLOADED : RuleVersion.RESTORED + " from version " + row.restoredFrom();
                versions.add(new RuleVersion(table.key(), d.getVersion(), d.getDeploymentId(), at, row.deployedBy(), row.reason(),
                        row.restoredFrom(), origin, d.getVersion() == latest));
            } else {
                String name = deployment == null ? null : deployment.getName();
                String origin = SHIPPED_DEPLOYMENT.equals(name) ? RuleVersion.SHIPPED : "deployed outside ClaimFlow (deployment '" + name + "')";
                versions.add(new RuleVersion(table.key(), d.getVersion(), d.getDeploymentId(), at, null, null, null, origin, d.getVersion() == latest));
            }
        }
        return versions;
    }

    private DecisionDefinition latest(RuleTable table) {
        DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(table.key()).latestVersion().singleResult();
        if (d == null) throw new IllegalStateException("decision " + table.key() + " is not deployed");
        return d;
    }

    private DecisionDefinition definition(RuleTable table, int version) {
        DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(table.key()).decisionDefinitionVersion(version)
                .singleResult();
        if (d == null) throw new NotFoundException("the table " + table.key() + " has no version " + version);
        return d;
    }

    private byte[] xml(DecisionDefinition d) {
        try (InputStream in = repository.getResourceAsStream(d.getDeploymentId(), d.getResourceName())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version " + d.getVersion() + " of " + d.getKey(), e);
        }
    }

    private static void requireFile(byte[] file) {
        if (file == null || file.length == 0) throw new BadInputException("file", "is required: the .dmn file as Camunda Modeler saves it");
        if (file.length > MAX_FILE_BYTES) throw new BadInputException("file", "is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB; a decision table is far smaller");
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("reason", "is required: say why the table changes (e.g. 'UHC drops prior authorization for 72148 from 2027-01-01'); it is kept with the version");
        }
        if (reason.strip().length() > MAX_REASON) throw new BadInputException("reason", "is longer than " + MAX_REASON + " characters");
        return reason.strip();
    }
}
