package com.claimflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.when;

import com.claimflow.workqueue.TaskVariables;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;

/**
 * The SLA policy's durations come from the deployed sla-policy table; the demo's scale shrinks them so a first start shows
 * warnings and escalations within minutes; a table with no rule for a task is an error that names it.
 */
class SlaPolicyTest {
    private final RepositoryService repository = mock(RepositoryService.class);

    @Test
    void productionKeepsTheTablesDurationsAsWritten() {
        assertThat(new SlaPolicy(repository, 1).scaled("P2D")).isEqualTo("P2D");
    }

    @Test
    void theDemoScaleTurnsDaysIntoMinutesAndNeverGoesBelowHalfAMinute() {
        SlaPolicy demo = new SlaPolicy(repository, 0.002);
        assertThat(demo.scaled("P1D")).isEqualTo("PT2M53S");
        assertThat(demo.scaled("P3D")).isEqualTo("PT8M38S");
        assertThat(demo.scaled("PT4H")).isEqualTo("PT30S");
        assertThat(demo.scaled("P1M")).as("a calendar duration is left as it is").isEqualTo("P1M");
    }

    @Test
    void aScaleThatWouldStretchOrStopTheTimersIsRefusedAtStart() {
        assertThatThrownBy(() -> new SlaPolicy(repository, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time-scale");
        assertThatThrownBy(() -> new SlaPolicy(repository, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTaskTheTableHasNoRuleForIsAnErrorNamingTableTaskAndPayer() {
        RepositoryService deployed = mock(RepositoryService.class, RETURNS_DEEP_STUBS);
        DecisionDefinition table = mock(DecisionDefinition.class);
        when(table.getId()).thenReturn("sla-policy:7:test");
        when(deployed.createDecisionDefinitionQuery().decisionDefinitionKey(SlaPolicy.SLA_DECISION_KEY).latestVersion().singleResult()).thenReturn(table);
        when(deployed.getDecisionModel("sla-policy:7:test")).thenAnswer(i -> new ByteArrayInputStream(ONE_RULE.getBytes(StandardCharsets.UTF_8)));
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(TaskVariables.PAYER_ID)).thenReturn("BCBS");
        SlaPolicy policy = new SlaPolicy(deployed, 1);

        assertThat(policy.warnAfter(execution, "CodeEncounter")).isEqualTo("PT4H");
        assertThat(policy.escalateAfter(execution, "CodeEncounter")).isEqualTo("PT8H");
        assertThatThrownBy(() -> policy.warnAfter(execution, "AuditCoding")).isInstanceOf(IllegalStateException.class)
                .hasMessage("sla-policy has no rule for task AuditCoding and payer 'BCBS'");
    }

    /** An sla-policy table with a rule for coding only (an upload that forgot the other tasks). */
    private static final String ONE_RULE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="http://claimflow.com/dmn">
              <decision id="sla-policy" name="SLA policy">
                <decisionTable id="t" hitPolicy="FIRST">
                  <input id="i1"><inputExpression id="e1" typeRef="string"><text>taskType</text></inputExpression></input>
                  <input id="i2"><inputExpression id="e2" typeRef="string"><text>payerId</text></inputExpression></input>
                  <output id="o1" name="warnAfter" typeRef="string"/>
                  <output id="o2" name="escalateAfter" typeRef="string"/>
                  <rule id="r1">
                    <inputEntry id="r1i1"><text>"CodeEncounter"</text></inputEntry>
                    <inputEntry id="r1i2"><text>-</text></inputEntry>
                    <outputEntry id="r1o1"><text>"PT4H"</text></outputEntry>
                    <outputEntry id="r1o2"><text>"PT8H"</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;
}
