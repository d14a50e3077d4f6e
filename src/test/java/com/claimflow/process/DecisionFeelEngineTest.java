package com.claimflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.base.LiteralFeel;
import java.util.Map;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The process engine's business rule tasks (coding audit sampling, denial routing, collections action, refund approval)
 * answer their tables' literal entries in Java ({@link LiteralFeel}) and still answer as the tables say.
 */
@SpringBootTest
@ActiveProfiles("test")
class DecisionFeelEngineTest {
    @Autowired ProcessEngineConfiguration engine;
    @Autowired DecisionService decisions;

    @Test
    void businessRuleTasksAnswerLiteralEntriesInJavaAsTheTableSays() {
        var dmn = (DefaultDmnEngineConfiguration) ((ProcessEngineConfigurationImpl) engine).getDmnEngineConfiguration();
        assertThat(dmn.getFeelEngine()).isInstanceOf(LiteralFeel.class);

        // coding-audit-sampling, hit policy FIRST: a new coder, a charge of 5000 or more, a draw under 0.05, else no audit
        assertThat(audit(true, 100.0, 0.9)).isTrue();
        assertThat(audit(false, 5000.0, 0.9)).isTrue();
        assertThat(audit(false, 4999.99, 0.9)).isFalse();
        assertThat(audit(false, 100.0, 0.0499)).isTrue();
        assertThat(audit(false, 100.0, 0.05)).isFalse();
    }

    private boolean audit(boolean coderNew, double estimatedCharge, double auditDraw) {
        return decisions.evaluateDecisionTableByKey("coding-audit-sampling",
                        Map.of("coderNew", coderNew, "estimatedCharge", estimatedCharge, "auditDraw", auditDraw))
                .getSingleResult().getSingleEntry();
    }
}
