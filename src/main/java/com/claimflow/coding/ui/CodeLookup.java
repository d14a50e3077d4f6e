package com.claimflow.coding.ui;

import com.claimflow.reference.CodeSetEntry;
import com.claimflow.reference.CodeSystem;
import com.claimflow.reference.ReferenceService;
import com.claimflow.workqueue.TaskForm;
import com.vaadin.flow.component.combobox.ComboBox;

/**
 * Search as you type over ICD-10-CM, CPT and HCPCS (exact code first, then code prefix, billable before headers, then
 * description words). Picking a diagnosis adds it to the diagnosis field; picking a procedure adds a line for it.
 */
final class CodeLookup extends ComboBox<CodeSetEntry> {
    static final int RESULTS = 20;

    CodeLookup(ReferenceService reference, TaskForm form) {
        super("Look up a code");
        setId("code-lookup");
        setPlaceholder("Code or words, e.g. E11.9 or low back pain");
        setHelperText("Picking a code adds it to the form");
        setWidthFull();
        setItems(query -> reference.search(query.getFilter().orElse(""), RESULTS).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        setItemLabelGenerator(CodeLookup::label);
        addValueChangeListener(e -> {
            CodeSetEntry code = e.getValue();
            if (code == null) return;
            add(form, code);
            clear();
        });
    }

    static String label(CodeSetEntry c) {
        String code = c.codeSystem() == CodeSystem.ICD10CM && c.code().length() > 3
                ? c.code().substring(0, 3) + "." + c.code().substring(3) : c.code();
        return code + " · " + c.description() + (c.billable() ? "" : " (header: not billable)");
    }

    static void add(TaskForm form, CodeSetEntry c) {
        if (c.codeSystem() == CodeSystem.ICD10CM) {
            String current = String.valueOf(form.values().getOrDefault("diagnosisCodes", "")).trim();
            form.setValue("diagnosisCodes", current.isEmpty() ? c.code() : current + ", " + c.code());
        } else {
            String current = String.valueOf(form.values().getOrDefault("procedureLines", "")).trim();
            form.setValue("procedureLines", (current.isEmpty() ? "" : current + "\n") + c.code() + " 1 1");
        }
    }
}
