package com.claimflow.workqueue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Camunda Form renderer on its own: no Spring, no engine, no UI. */
class CamundaFormRendererTest {
    static final String FORM = """
            {
              "id": "everything", "type": "default", "schemaVersion": 16,
              "components": [
                { "type": "text", "id": "t1", "text": "### Code the encounter\\nRead the **documentation** first." },
                { "type": "textfield", "key": "diagnosisCodes", "label": "Diagnosis codes", "description": "comma separated",
                  "validate": { "required": true } },
                { "type": "textarea", "key": "procedureLines", "label": "Procedure lines", "validate": { "required": true } },
                { "type": "number", "key": "units", "label": "Units", "defaultValue": 2 },
                { "type": "checkbox", "key": "queryProvider", "label": "Query the provider", "defaultValue": false },
                { "type": "select", "key": "appealDecision", "label": "Decision",
                  "values": [ { "label": "Appeal the denial", "value": "APPEAL" }, { "label": "Request write-off", "value": "WRITE_OFF" } ] },
                { "type": "select", "key": "payer", "label": "Payer", "searchable": true,
                  "values": [ { "label": "Medicare", "value": "MCARE" } ] },
                { "type": "radio", "key": "level", "label": "Level", "values": [ { "label": "First", "value": "1" } ] },
                { "type": "group", "label": "More", "components": [ { "type": "textfield", "key": "memberId", "label": "Member id",
                  "validate": { "pattern": "[A-Z]{3}[0-9]{9}" } } ] },
                { "type": "button", "key": "submit", "label": "Submit" }
              ]
            }""";

    @Test
    void eachComponentTypeBecomesTheMatchingVaadinField() {
        CamundaFormRenderer form = CamundaFormRenderer.parse(FORM);

        assertThat(form.keys()).containsExactly("diagnosisCodes", "procedureLines", "units", "queryProvider", "appealDecision", "payer", "level", "memberId");
        assertThat(form.field("diagnosisCodes")).get().isInstanceOf(TextField.class);
        assertThat(form.field("procedureLines")).get().isInstanceOf(TextArea.class);
        assertThat(form.field("units")).get().isInstanceOf(NumberField.class);
        assertThat(form.field("queryProvider")).get().isInstanceOf(Checkbox.class);
        assertThat(form.field("appealDecision")).get().isInstanceOf(Select.class);
        assertThat(form.field("payer")).get().isInstanceOf(ComboBox.class);
        assertThat(form.field("level")).get().isInstanceOf(RadioButtonGroup.class);
        assertThat(form.field("memberId")).get().isInstanceOf(TextField.class);
        assertThat(form.has("submit")).as("the form's own buttons are left to the task view").isFalse();

        TextField dx = (TextField) form.field("diagnosisCodes").orElseThrow();
        assertThat(dx.getLabel()).isEqualTo("Diagnosis codes");
        assertThat(dx.getHelperText()).isEqualTo("comma separated");
        assertThat(dx.isRequiredIndicatorVisible()).isTrue();
        assertThat(dx.getId()).contains("form-diagnosisCodes");
        assertThat(((TextArea) form.field("procedureLines").orElseThrow()).isRequiredIndicatorVisible()).isTrue();
        assertThat(((NumberField) form.field("units").orElseThrow()).isRequiredIndicatorVisible()).isFalse();

        @SuppressWarnings("unchecked")
        Select<String> decision = (Select<String>) form.field("appealDecision").orElseThrow();
        assertThat(decision.getListDataView().getItems()).containsExactly("APPEAL", "WRITE_OFF");
        assertThat(decision.getItemLabelGenerator().apply("WRITE_OFF")).isEqualTo("Request write-off");

        List<Component> all = descendants(form.component()).toList();
        assertThat(all).filteredOn(H4.class::isInstance).map(c -> ((H4) c).getText()).contains("Code the encounter", "More");
        assertThat(all).filteredOn(Paragraph.class::isInstance).map(c -> ((Paragraph) c).getText()).containsExactly("Read the documentation first.");
    }

    @Test
    void readsTheAnswersBackAsBooleansNumbersAndStrings() {
        CamundaFormRenderer form = CamundaFormRenderer.parse(FORM);
        assertThat(form.values()).as("defaults only").isEqualTo(Map.of("units", 2.0, "queryProvider", false));

        form.setValue("diagnosisCodes", " I10, E785 ");
        form.setValue("procedureLines", "99213 1 1,2\n36415 1 1");
        form.setValue("units", 3);
        form.setValue("queryProvider", true);
        form.setValue("appealDecision", "APPEAL");
        form.setValue("memberId", "   ");
        form.setValue("noSuchField", "ignored");

        Map<String, Object> values = form.values();
        assertThat(values).containsEntry("diagnosisCodes", "I10, E785")
                .containsEntry("procedureLines", "99213 1 1,2\n36415 1 1")
                .containsEntry("units", 3.0)
                .containsEntry("queryProvider", Boolean.TRUE)
                .containsEntry("appealDecision", "APPEAL")
                .doesNotContainKeys("memberId", "payer", "level", "noSuchField");
        assertThat(values.get("units")).isInstanceOf(Double.class);
    }

    @Test
    void marksMissingRequiredFieldsAndShowsErrorsByKey() {
        CamundaFormRenderer form = CamundaFormRenderer.parse(FORM);
        form.setValue("memberId", "123");

        assertThat(form.validate()).isFalse();
        assertThat(form.errorOf("diagnosisCodes")).contains("Required");
        assertThat(form.errorOf("procedureLines")).contains("Required");
        assertThat(form.errorOf("memberId")).contains("Not in the expected format");
        assertThat(form.errorOf("units")).isEmpty();

        form.clearErrors();
        assertThat(form.errorOf("diagnosisCodes")).isEmpty();

        assertThat(form.showError("diagnosisCodes", "code Q999 is not in the loaded code set")).isTrue();
        TextField dx = (TextField) form.field("diagnosisCodes").orElseThrow();
        assertThat(dx.isInvalid()).isTrue();
        assertThat(dx.getErrorMessage()).isEqualTo("code Q999 is not in the loaded code set");
        assertThat(form.showError("nowhere", "no such field")).isFalse();
    }

    @Test
    void setValueIfEmptyKeepsWhatIsAlreadyThere() {
        CamundaFormRenderer form = CamundaFormRenderer.parse(FORM);
        form.setValue("diagnosisCodes", "J069");
        form.setValueIfEmpty("diagnosisCodes", "I10");
        form.setValueIfEmpty("procedureLines", "99213 1 1");
        assertThat(form.values()).containsEntry("diagnosisCodes", "J069").containsEntry("procedureLines", "99213 1 1");
    }

    @Test
    void aFormWithoutComponentsRendersNothing() {
        CamundaFormRenderer form = CamundaFormRenderer.parse("{}");
        assertThat(form.keys()).isEmpty();
        assertThat(form.values()).isEmpty();
        assertThat(form.validate()).isTrue();
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(CamundaFormRendererTest::descendants));
    }
}
