package com.claimflow.coding.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.reference.CodeSetEntry;
import com.claimflow.reference.CodeSystem;
import com.claimflow.workqueue.TaskForm;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeLookupTest {
    private static final LocalDate FROM = LocalDate.of(2015, 10, 1);

    @Test
    void aDiagnosisIsLabelledWithItsDotAndAHeaderSaysItIsNotBillable() {
        assertThat(CodeLookup.label(new CodeSetEntry(CodeSystem.ICD10CM, "E119", true, "Type 2 diabetes", FROM, null)))
                .isEqualTo("E11.9 · Type 2 diabetes");
        assertThat(CodeLookup.label(new CodeSetEntry(CodeSystem.ICD10CM, "E11", false, "Type 2 diabetes mellitus", FROM, null)))
                .contains("header: not billable");
    }

    @Test
    void pickingADiagnosisAddsItToTheListAndPickingAProcedureAddsALine() {
        FakeForm form = new FakeForm();
        form.setValue("diagnosisCodes", "I10");

        CodeLookup.add(form, new CodeSetEntry(CodeSystem.ICD10CM, "E785", true, "Hyperlipidemia", FROM, null));
        CodeLookup.add(form, new CodeSetEntry(CodeSystem.CPT, "99213", true, "Office visit", FROM, null));

        assertThat(form.values()).containsEntry("diagnosisCodes", "I10, E785").containsEntry("procedureLines", "99213 1 1");
    }

    /** A form with every key, as the task page's renderer would offer it to a panel. */
    static final class FakeForm implements TaskForm {
        private final Map<String, Object> values = new LinkedHashMap<>();

        @Override
        public boolean has(String key) {
            return true;
        }

        @Override
        public Map<String, Object> values() {
            return values;
        }

        @Override
        public void setValue(String key, Object value) {
            values.put(key, value);
        }

        @Override
        public void setValueIfEmpty(String key, Object value) {
            values.putIfAbsent(key, value);
        }
    }
}
