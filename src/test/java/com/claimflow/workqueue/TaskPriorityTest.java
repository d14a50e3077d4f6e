package com.claimflow.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.base.DeployedDecision;
import com.claimflow.rules.RuleFiles;
import com.claimflow.rules.RuleTable;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The in-memory task-priority table answers exactly what the engine's DecisionService answers for the deployed table. */
@SpringBootTest
@ActiveProfiles("test")
class TaskPriorityTest {
    static final String[] TASK_TYPES = {"CodeEncounter", "ChaseProviderQuery", "FixCodingEdit", "FixClaimEdit", "ResolveEligibility",
            "FixRejectedClaim", "PrepareAppeal", "FollowUpAppeal", "CorrectCodingDenial", "CorrectBillingDenial", "ApproveWriteOff",
            "FollowUpAcknowledgement", "FollowUpClaimStatus", "AuditCoding", "ReviewCollections", "ResolveUnmatchedPayment",
            "ResolveProviderRejection", "SomethingNew"};

    @Autowired TaskPriority priority;
    @Autowired DecisionService decisions;
    @Autowired RepositoryService repository;

    @AfterEach
    void shippedTableAgain() {
        RuleFiles.resetToShipped(repository);
    }

    @Test
    void aTableThatAsksTheClockIsEvaluatedEachTimeNotKept() throws InterruptedException {
        // every task's priority is the current second: answers kept per inputs would repeat the first
        repository.createDeployment().name("test-clock").addString("task-priority.dmn",
                RuleFiles.withFirstRule(RuleTable.TASK_PRIORITY, 3, "now().second")).deploy();
        DeployedDecision.redeployed();

        int first = priority.of("CodeEncounter", 100, 30);
        Thread.sleep(1_100);
        int second = priority.of("CodeEncounter", 100, 30);

        assertThat(second).isNotEqualTo(first);
        assertThat(second).isBetween(0, 59);
    }

    @Test
    void everyTaskTypeAmountAndDeadlineGetsTheEnginesAnswer() {
        int compared = 0;
        for (String type : TASK_TYPES) {
            for (double amount : new double[] {0, 99.99, 1_000, 4_999.99, 5_000, 25_000}) {
                for (long days : new long[] {-30, -1, 0, 2, 3, 7, 8, 90, 365}) {
                    Object engine = decisions.evaluateDecisionByKey(TaskPriority.DECISION)
                            .variables(Map.of("taskType", type, "amount", amount, "daysToDeadline", days)).evaluate().getSingleEntry();
                    int expected = engine == null ? 50 : ((Number) engine).intValue();
                    assertThat(priority.of(type, amount, days)).as("%s, $%s, %d days", type, amount, days).isEqualTo(expected);
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(TASK_TYPES.length * 6 * 9);
        // the table's extremes, so a table that answers one number everywhere cannot pass
        assertThat(priority.of("CodeEncounter", 100, -1)).isEqualTo(100);
        assertThat(priority.of("CodeEncounter", 100, 90)).isEqualTo(60);
    }
}
