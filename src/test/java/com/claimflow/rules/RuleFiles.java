package com.claimflow.rules;

import com.claimflow.base.DeployedDecision;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped tables and edited copies of them for tests, and the reset that puts the shipped content back on top
 * after a test deployed its own (the MySQL integration tests share one database).
 */
public final class RuleFiles {
    public static final String RESET_DEPLOYMENT = "claimflow-rules-test-reset";

    private RuleFiles() {
    }

    public static String shipped(RuleTable table) {
        try (InputStream in = new ClassPathResource("processes/" + table.key() + ".dmn").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped task-priority table with a first rule giving every task the priority given. */
    public static String everyTaskPriority(int priority) {
        return withFirstRule(RuleTable.TASK_PRIORITY, 3, String.valueOf(priority));
    }

    /** The shipped table (its first decision) with a first rule that matches everything and answers {@code outputs}. */
    public static String withFirstRule(RuleTable table, int inputs, String... outputs) {
        StringBuilder rule = new StringBuilder("<rule id=\"Rule_test_every_case\"><description>test: every case</description>");
        for (int i = 1; i <= inputs; i++) rule.append("<inputEntry id=\"Test_in_").append(i).append("\"><text>-</text></inputEntry>");
        for (int o = 1; o <= outputs.length; o++) {
            rule.append("<outputEntry id=\"Test_out_").append(o).append("\"><text>").append(outputs[o - 1]).append("</text></outputEntry>");
        }
        rule.append("</rule>");
        return shipped(table).replaceFirst("<rule ", rule + "<rule ");
    }

    /** Deploys the shipped file again wherever a test left other content as the latest version. */
    public static void resetToShipped(RepositoryService repository) {
        Arrays.stream(RuleTable.values()).forEach(t -> {
            var latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(t.key()).latestVersion().singleResult();
            String content;
            try (InputStream in = repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
                content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!content.equals(shipped(t))) {
                repository.createDeployment().name(RESET_DEPLOYMENT).addString(t.resourceName(), shipped(t)).deploy();
            }
        });
        DeployedDecision.redeployed();
    }
}
