package com.claimflow.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
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
