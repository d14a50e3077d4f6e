package com.claimflow.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.rules.RuleCheck;
import com.claimflow.rules.RuleTable;
import com.claimflow.rules.SampleAnswer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What makes an uploaded table refused, each with a reason naming the fix, and what an accepted one shows. */
class RuleChecksTest {

    static String shipped(RuleTable table) throws IOException {
        return Files.readString(Path.of("processes", table.key() + ".dmn"));
    }

    private static RuleCheck check(RuleTable table, String uploaded) throws Exception {
        DmnFile current = DmnFile.read(shipped(table).getBytes(StandardCharsets.UTF_8));
        return RuleChecks.check(table, 1, current, uploaded.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(RuleTable.class)
    void everyShippedTableMeetsItsCallersContractAndAnswersItsSamplesUnchanged(RuleTable table) throws Exception {
        RuleCheck check = check(table, shipped(table));

        assertThat(check.problems()).isEmpty();
        assertThat(check.answers()).isNotEmpty().noneMatch(SampleAnswer::changed);
        assertThat(check.answers()).noneMatch(a -> a.uploaded().startsWith("(fails"));
    }

    @Test
    void aFileThatIsNotXmlIsRefusedSayingSo() throws Exception {
        assertThat(check(RuleTable.TASK_PRIORITY, "priority,amount\n1,2").problems()).singleElement().asString().startsWith("the file is not XML");
    }

    @Test
    void xmlThatIsNotDmnIsRefusedNamingItsRootElement() throws Exception {
        assertThat(check(RuleTable.TASK_PRIORITY, "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>").problems())
                .singleElement().asString().contains("not DMN", "bpmn:definitions");
    }

    @Test
    void dmnTheEngineCannotParseIsRefusedWithTheEnginesMessage() throws Exception {
        String broken = shipped(RuleTable.TASK_PRIORITY).replace("hitPolicy=\"FIRST\"", "hitPolicy=\"SOMETIMES\"");
        assertThat(check(RuleTable.TASK_PRIORITY, broken).problems()).singleElement().asString().startsWith("the DMN engine cannot parse the file");
    }

    @Test
    void aRenamedDecisionIsRefusedAsMissingAndForeign() throws Exception {
        String renamed = shipped(RuleTable.TASK_PRIORITY).replace("<decision id=\"task-priority\"", "<decision id=\"task-priorities\"");
        assertThat(check(RuleTable.TASK_PRIORITY, renamed).problems())
                .anyMatch(p -> p.contains("decision 'task-priority' is missing"))
                .anyMatch(p -> p.contains("decision 'task-priorities' does not belong"));
    }

    @Test
    void theSlaTableMustKeepItsFollowUpWaits() throws Exception {
        String withoutWaits = shipped(RuleTable.SLA_POLICY).replaceAll("(?s)<decision id=\"follow-up-wait\".*?</decision>", "");
        assertThat(check(RuleTable.SLA_POLICY, withoutWaits).problems()).singleElement().asString()
                .contains("decision 'follow-up-wait' is missing", "SlaPolicy.waitFor");
    }

    @Test
    void aMissingOutputThatACallerReadsIsRefusedNamingTheColumnAndTheCaller() throws Exception {
        String renamed = shipped(RuleTable.SLA_POLICY).replace("name=\"escalateAfter\"", "name=\"escalateLater\"");
        assertThat(check(RuleTable.SLA_POLICY, renamed).problems()).singleElement().asString()
                .contains("no output column named 'escalateAfter'", "SlaPolicy");
    }

    @Test
    void aMissingInputAndAnInputNoCallerPassesAreRefused() throws Exception {
        String renamed = shipped(RuleTable.TASK_PRIORITY).replace("<text>daysToDeadline</text>", "<text>daysLeft</text>");
        assertThat(check(RuleTable.TASK_PRIORITY, renamed).problems())
                .anyMatch(p -> p.contains("no input column reading 'daysToDeadline'"))
                .anyMatch(p -> p.contains("reading 'daysLeft', which TaskPriority"));
    }

    @Test
    void aTableGivingTwoAnswersWhereOneIsReadIsRefused() throws Exception {
        String collect = shipped(RuleTable.TASK_PRIORITY).replace("hitPolicy=\"FIRST\"", "hitPolicy=\"RULE ORDER\"");
        assertThat(check(RuleTable.TASK_PRIORITY, collect).problems()).isNotEmpty().allMatch(p -> p.contains("takes one"));
    }

    @Test
    void anEvaluationErrorOnASampleIsRefusedWithTheEnginesMessage() throws Exception {
        String badOutput = shipped(RuleTable.COLLECTIONS_ACTION).replace("<text>\"REVIEW\"</text>", "<text>no such thing(</text>");
        assertThat(check(RuleTable.COLLECTIONS_ACTION, badOutput).problems()).isNotEmpty()
                .allMatch(p -> p.startsWith("decision 'collections-action' fails on the sample"));
    }

    @Test
    void aChangedThresholdShowsWhichSampleAnswersChange() throws Exception {
        String lower = shipped(RuleTable.COLLECTIONS_ACTION).replace("&lt; 25", "&lt; 5");
        RuleCheck check = check(RuleTable.COLLECTIONS_ACTION, lower);

        assertThat(check.problems()).isEmpty();
        assertThat(check.answers()).filteredOn(SampleAnswer::changed)
                .extracting(SampleAnswer::inputs, SampleAnswer::current, SampleAnswer::uploaded)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("{patientBalance=10.0}", "WRITE_OFF", "REVIEW"),
                        org.assertj.core.groups.Tuple.tuple("{patientBalance=24.99}", "WRITE_OFF", "REVIEW"));
    }

    @Test
    void theSlaSamplesTakeOneSamplePerRuleOfTheTable() throws Exception {
        RuleCheck check = check(RuleTable.SLA_POLICY, shipped(RuleTable.SLA_POLICY));
        // 18 rules, two of them also in the fixed list, plus one fixed sample no rule names
        assertThat(check.answers()).filteredOn(a -> a.decision().equals("sla-policy")).hasSize(19)
                .extracting(SampleAnswer::inputs).contains("{taskType=ApproveWriteOff, payerId=}", "{taskType=FixRejectedClaim, payerId=MCARE}",
                        "{taskType=, payerId=}");
    }
}
