package com.claimflow.rules.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.rules.DecisionTableContent;
import com.claimflow.rules.RuleFiles;
import com.claimflow.rules.RuleTable;
import com.claimflow.rules.RuleVersion;
import com.claimflow.rules.SampleAnswer;
import com.claimflow.support.ui.KaribuTestBase;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RulesViewTest extends KaribuTestBase {
    @Autowired RepositoryService repository;

    @AfterEach
    void shippedTablesAgain() {
        RuleFiles.resetToShipped(repository);
    }

    @SuppressWarnings("unchecked")
    private void choose(RuleTable table) {
        ((Select<RuleTable>) _get(Select.class, s -> s.withId("rules-table"))).setValue(table);
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return (Grid<T>) _get(Grid.class, s -> s.withId(id));
    }

    private void upload(String content) {
        UploadKt._upload(_get(Upload.class, s -> s.withId("rules-upload")), "task-priority.dmn", "application/xml",
                content.getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip();
    }

    private int latest() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey("task-priority").latestVersion().singleResult().getVersion();
    }

    @Test
    void theTableIsShownWithItsRulesHitPolicyAndVersions() {
        login(uniqueUser("admin"), "admins");
        navigate(RulesView.class);
        choose(RuleTable.TASK_PRIORITY);

        Grid<DecisionTableContent.Rule> rules = grid("rules-grid-task-priority");
        assertThat(rows(rules)).hasSize(14);
        assertThat(rows(rules).get(0).inputEntries()).containsExactly("-", "-", "< 0");
        assertThat(rows(rules).get(0).outputEntries()).containsExactly("100");
        assertThat(rows(rules).get(0).annotation()).startsWith("Overdue");
        assertThat(rules.getColumns()).extracting(Grid.Column::getHeaderText)
                .contains("When Task type (taskType)", "Then Priority (0-100) (priority)", "Annotation");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withId("rules-hit-policy-task-priority")).getText()).contains("FIRST");
        assertThat(_get(Paragraph.class, s -> s.withId("rules-current-facts")).getText()).startsWith("Version " + latest());
        assertThat(rows(RulesViewTest.<RuleVersion>grid("rules-history"))).isNotEmpty().first().extracting(RuleVersion::current).isEqualTo(true);
    }

    @Test
    void anUploadIsComparedSideBySideAndDeployedOnlyWithAReason() {
        login(uniqueUser("lead"), "leads");
        navigate(RulesView.class);
        assertThat(_get(Select.class, s -> s.withId("rules-table")).getListDataView().getItems())
                .containsExactly(RuleTable.SLA_POLICY, RuleTable.TASK_PRIORITY);
        choose(RuleTable.TASK_PRIORITY);
        int before = latest();

        upload(RuleFiles.everyTaskPriority(7));

        Grid<SampleAnswer> samples = grid("rules-samples");
        assertThat(rows(samples)).isNotEmpty().allMatch(SampleAnswer::changed).allMatch(a -> a.uploaded().equals("7"));
        assertThat(rows(samples).get(0).current()).isEqualTo("60");
        _click(_get(Button.class, s -> s.withId("rules-deploy")));
        assertThat(_get(TextArea.class, s -> s.withId("rules-reason")).isInvalid()).isTrue();
        assertThat(latest()).isEqualTo(before);

        _setValue(_get(TextArea.class, s -> s.withId("rules-reason")), "appeals first this month");
        _click(_get(Button.class, s -> s.withId("rules-deploy")));

        assertThat(latest()).isEqualTo(before + 1);
        assertThat(notifications()).anyMatch(n -> n.contains("version " + (before + 1) + " deployed"));
        RuleVersion newest = rows(RulesViewTest.<RuleVersion>grid("rules-history")).get(0);
        assertThat(newest.version()).isEqualTo(before + 1);
        assertThat(newest.reason()).isEqualTo("appeals first this month");
        assertThat(rows(RulesViewTest.<DecisionTableContent.Rule>grid("rules-grid-task-priority")).get(0).outputEntries()).containsExactly("7");
    }

    @Test
    void aRefusedUploadNamesTheProblemAndOffersNoDeploy() {
        login(uniqueUser("admin"), "admins");
        navigate(RulesView.class);
        choose(RuleTable.TASK_PRIORITY);

        upload(RuleFiles.shipped(RuleTable.TASK_PRIORITY).replace("name=\"priority\"", "name=\"rank\""));

        assertThat(_get(Paragraph.class, s -> s.withId("rules-problems")).getText()).contains("nothing was deployed");
        assertThat(_get(RulesView.class).getElement().getOuterHTML()).contains("no output column named 'priority'");
        LocatorJ._assertNone(Button.class, s -> s.withId("rules-deploy"));
    }

    @Test
    void anOlderVersionIsRestoredWithAReason() {
        login(uniqueUser("admin"), "admins");
        navigate(RulesView.class);
        choose(RuleTable.TASK_PRIORITY);
        int shipped = latest();
        upload(RuleFiles.everyTaskPriority(7));
        _setValue(_get(TextArea.class, s -> s.withId("rules-reason")), "try 7");
        _click(_get(Button.class, s -> s.withId("rules-deploy")));

        Grid<RuleVersion> history = grid("rules-history");
        int row = rows(history).stream().map(RuleVersion::version).toList().indexOf(shipped);
        Div actions = (Div) GridKt._getCellComponent(history, row, "actions");
        _click((Button) actions.getChildren().filter(c -> c.getId().orElse("").equals("rules-restore-" + shipped)).findFirst().orElseThrow());
        _click(_get(Button.class, s -> s.withId("restore-confirm")));
        assertThat(_get(TextArea.class, s -> s.withId("restore-reason")).isInvalid()).isTrue();
        _setValue(_get(TextArea.class, s -> s.withId("restore-reason")), "back to the product's table");
        _click(_get(Button.class, s -> s.withId("restore-confirm")));

        RuleVersion newest = rows(RulesViewTest.<RuleVersion>grid("rules-history")).get(0);
        assertThat(newest.version()).isEqualTo(shipped + 2);
        assertThat(newest.origin()).isEqualTo("restored from version " + shipped);
    }
}
