package com.claimflow.workqueue.ui;

import com.claimflow.workqueue.TaskForm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a Camunda Form (the {@code .form} JSON of form-js) into Vaadin fields and reads the person's answers back.
 *
 * <p>Supported components: {@code textfield}, {@code textarea}, {@code number}, {@code checkbox}, {@code select},
 * {@code radio}, {@code text} (read-only text, light markdown) and {@code group} (nested components). Any other
 * component with a {@code key} becomes a text field, so no answer is lost; keyless ones (buttons, spacers) are
 * left out: the task view has its own buttons.
 *
 * <p>{@link #values()} gives Boolean for checkboxes, Double for numbers and String for the rest; blank answers are
 * left out, as if the field were not on the form. Each field's element id is {@code form-<key>}.
 */
public final class CamundaFormRenderer implements TaskForm {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VerticalLayout layout = new VerticalLayout();
    private final Map<String, Field> fields = new LinkedHashMap<>();

    /** One rendered input and what the form said about it. */
    private record Field(String key, String type, HasValue<?, ?> input, boolean required, boolean disabled, String pattern,
                         Integer minLength, Integer maxLength) {
    }

    private CamundaFormRenderer(JsonNode form) {
        layout.setPadding(false);
        layout.setSpacing(true);
        layout.setWidthFull();
        layout.addClassName("camunda-form");
        JsonNode components = form.path("components");
        if (components.isArray()) {
            render(components, layout);
        }
    }

    public static CamundaFormRenderer parse(InputStream formJson) {
        try (InputStream in = formJson) {
            return new CamundaFormRenderer(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the task's form is not valid JSON: " + e.getMessage(), e);
        }
    }

    public static CamundaFormRenderer parse(String formJson) {
        try {
            return new CamundaFormRenderer(JSON.readTree(formJson));
        } catch (IOException e) {
            throw new UncheckedIOException("the task's form is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The rendered form, ready to add to a view. */
    public Component component() {
        return layout;
    }

    @Override
    public boolean has(String key) {
        return fields.containsKey(key);
    }

    /** The keys of the form's inputs, in form order. */
    public List<String> keys() {
        return List.copyOf(fields.keySet());
    }

    public Optional<HasValue<?, ?>> field(String key) {
        return Optional.ofNullable(fields.get(key)).map(Field::input);
    }

    /** The person's answers by key: Boolean (checkbox), Double (number), String (everything else); blanks left out. */
    @Override
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            if (f.disabled()) continue;
            Object v = valueOf(f);
            if (v != null) values.put(f.key(), v);
        }
        return values;
    }

    private static Object valueOf(Field f) {
        Object v = f.input().getValue();
        if (f.input() instanceof Checkbox) return Boolean.TRUE.equals(v);
        if (v == null) return null;
        if (v instanceof Number n) return n.doubleValue();
        String s = v.toString();
        return s.isBlank() ? null : s.strip();
    }

    /** Fills a field from the task's context (e.g. existing codes); unknown keys are ignored. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    @Override
    public void setValue(String key, Object value) {
        Field f = fields.get(key);
        if (f == null) return;
        HasValue input = f.input();
        if (input instanceof Checkbox) {
            input.setValue(Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value)));
        } else if (input instanceof NumberField) {
            input.setValue(value == null ? null : value instanceof Number n ? n.doubleValue() : Double.valueOf(value.toString()));
        } else if (value == null) {
            input.clear();
        } else {
            input.setValue(value.toString());
        }
    }

    /** Fills the field only if the person (or the form's default) has not put anything there yet. */
    @Override
    public void setValueIfEmpty(String key, Object value) {
        Field f = fields.get(key);
        if (f != null && valueOf(f) == null && value != null) setValue(key, value);
    }

    /** Marks the field with the key invalid with the message; false when the form has no such field. */
    public boolean showError(String key, String message) {
        Field f = fields.get(key);
        if (f == null || !(f.input() instanceof HasValidationProperties v)) return false;
        v.setErrorMessage(message);
        v.setInvalid(true);
        return true;
    }

    public Optional<String> errorOf(String key) {
        Field f = fields.get(key);
        if (f != null && f.input() instanceof HasValidationProperties v && v.isInvalid()) return Optional.ofNullable(v.getErrorMessage());
        return Optional.empty();
    }

    public void clearErrors() {
        fields.values().forEach(CamundaFormRenderer::clearError);
    }

    private static void clearError(Field f) {
        if (f.input() instanceof HasValidationProperties v) {
            v.setInvalid(false);
            v.setErrorMessage(null);
        }
    }

    /**
     * Checks what the form itself demands (required, pattern, min and max length) and marks every field that fails.
     * @return true when every field passes
     */
    public boolean validate() {
        boolean ok = true;
        for (Field f : fields.values()) {
            if (f.disabled() || f.input() instanceof Checkbox) continue;
            Object v = valueOf(f);
            String problem = null;
            if (v == null) {
                if (f.required()) problem = "Required";
            } else if (v instanceof String s) {
                if (f.minLength() != null && s.length() < f.minLength()) problem = "At least " + f.minLength() + " characters";
                else if (f.maxLength() != null && s.length() > f.maxLength()) problem = "At most " + f.maxLength() + " characters";
                else if (f.pattern() != null && !matches(f.pattern(), s)) problem = "Not in the expected format";
            }
            if (problem != null) {
                showError(f.key(), problem);
                ok = false;
            }
        }
        return ok;
    }

    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).matches();
        } catch (PatternSyntaxException bad) {
            return true; // a broken pattern in the form is the modeller's problem, not the person's
        }
    }

    /** Locks every field, e.g. while someone else holds the task. */
    public void setReadOnly(boolean readOnly) {
        fields.values().forEach(f -> f.input().setReadOnly(readOnly));
    }

    // ---- rendering ----

    private void render(JsonNode components, VerticalLayout target) {
        for (JsonNode c : components) {
            String type = c.path("type").asText("");
            switch (type) {
                case "text" -> renderText(c.path("text").asText(""), target);
                case "group", "dynamiclist" -> renderGroup(c, target);
                case "button", "spacer", "separator", "image", "html", "iframe", "table", "expression" -> { }
                default -> {
                    String key = c.path("key").asText(null);
                    if (key != null && !key.isBlank()) renderInput(type, key, c, target);
                }
            }
        }
    }

    private void renderGroup(JsonNode c, VerticalLayout target) {
        VerticalLayout group = new VerticalLayout();
        group.setPadding(false);
        group.setWidthFull();
        String label = c.path("label").asText("");
        if (!label.isBlank()) group.add(new H4(label));
        render(c.path("components"), group);
        target.add(group);
    }

    /** A heading line ({@code # ...}) becomes a heading; other lines, up to a blank line or a heading, a paragraph. */
    private static void renderText(String text, VerticalLayout target) {
        StringBuilder paragraph = new StringBuilder();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                flushParagraph(paragraph, target);
                if (line.startsWith("#")) target.add(new H4(plain(line.replaceFirst("^#+\\s*", ""))));
            } else {
                if (!paragraph.isEmpty()) paragraph.append('\n');
                paragraph.append(line);
            }
        }
        flushParagraph(paragraph, target);
    }

    private static void flushParagraph(StringBuilder text, VerticalLayout target) {
        if (text.isEmpty()) return;
        Paragraph p = new Paragraph(plain(text.toString()));
        p.getStyle().set("margin", "0").set("white-space", "pre-line");
        target.add(p);
        text.setLength(0);
    }

    /** Strips the markdown a modeller is likely to use (emphasis, code ticks, links) down to its words. */
    private static String plain(String markdown) {
        return markdown.replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1").replaceAll("[*_`]{1,2}", "");
    }

    private void renderInput(String type, String key, JsonNode c, VerticalLayout target) {
        String label = c.path("label").asText(key);
        String description = c.path("description").asText(null);
        JsonNode validate = c.path("validate");
        boolean required = validate.path("required").asBoolean(false);
        boolean disabled = c.path("disabled").asBoolean(false);
        boolean readonly = c.path("readonly").asBoolean(false);
        JsonNode defaultValue = c.get("defaultValue");

        HasValue<?, ?> input = switch (type) {
            case "textarea" -> textArea(label, defaultValue);
            case "number" -> number(label, c, defaultValue);
            case "checkbox" -> checkbox(label, defaultValue);
            case "select" -> c.path("searchable").asBoolean(false) ? comboBox(label, c, defaultValue) : select(label, c, defaultValue);
            case "radio" -> radio(label, c, defaultValue);
            default -> textField(label, defaultValue);
        };
        Component component = (Component) input;
        component.setId("form-" + key);
        component.getElement().setProperty("name", key);
        if (description != null && !description.isBlank() && component instanceof HasHelper h) h.setHelperText(description);
        input.setRequiredIndicatorVisible(required && !(input instanceof Checkbox));
        if (disabled && component instanceof HasEnabled e) e.setEnabled(false);
        if (readonly) input.setReadOnly(true);
        if (component instanceof HasSize s && !(input instanceof Checkbox)) s.setWidthFull();

        Integer minLength = validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null;
        Integer maxLength = validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null;
        String pattern = validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null;
        Field field = new Field(key, type, input, required, disabled, pattern, minLength, maxLength);
        fields.put(key, field);
        // an error shown after a refused completion goes away as soon as the person edits the field
        if (input instanceof AbstractField<?, ?> af) af.addValueChangeListener(e -> {
            if (e.isFromClient()) clearError(field);
        });
        target.add(component);
    }

    private static TextField textField(String label, JsonNode defaultValue) {
        TextField f = new TextField(label);
        f.setManualValidation(true);
        if (defaultValue != null && !defaultValue.isNull()) f.setValue(defaultValue.asText());
        return f;
    }

    private static TextArea textArea(String label, JsonNode defaultValue) {
        TextArea f = new TextArea(label);
        f.setManualValidation(true);
        f.setMinRows(3);
        if (defaultValue != null && !defaultValue.isNull()) f.setValue(defaultValue.asText());
        return f;
    }

    private static NumberField number(String label, JsonNode c, JsonNode defaultValue) {
        NumberField f = new NumberField(label);
        f.setManualValidation(true);
        if (c.hasNonNull("increment")) {
            try {
                f.setStep(Double.parseDouble(c.get("increment").asText()));
            } catch (IllegalArgumentException ignored) {
                // leave the default step
            }
        }
        if (defaultValue != null && defaultValue.isNumber()) f.setValue(defaultValue.asDouble());
        return f;
    }

    private static Checkbox checkbox(String label, JsonNode defaultValue) {
        Checkbox f = new Checkbox(label);
        f.setManualValidation(true);
        f.setValue(defaultValue != null && defaultValue.asBoolean(false));
        return f;
    }

    private static Select<String> select(String label, JsonNode c, JsonNode defaultValue) {
        Map<String, String> options = options(c);
        Select<String> f = new Select<>();
        f.setLabel(label);
        f.setManualValidation(true);
        f.setItems(new ArrayList<>(options.keySet()));
        f.setItemLabelGenerator(v -> v == null ? "" : options.getOrDefault(v, v));
        f.setEmptySelectionAllowed(!c.path("validate").path("required").asBoolean(false));
        f.setEmptySelectionCaption("–");
        if (defaultValue != null && options.containsKey(defaultValue.asText())) f.setValue(defaultValue.asText());
        return f;
    }

    private static ComboBox<String> comboBox(String label, JsonNode c, JsonNode defaultValue) {
        Map<String, String> options = options(c);
        ComboBox<String> f = new ComboBox<>(label);
        f.setManualValidation(true);
        f.setItems(new ArrayList<>(options.keySet()));
        f.setItemLabelGenerator(v -> v == null ? "" : options.getOrDefault(v, v));
        if (defaultValue != null && options.containsKey(defaultValue.asText())) f.setValue(defaultValue.asText());
        return f;
    }

    private static RadioButtonGroup<String> radio(String label, JsonNode c, JsonNode defaultValue) {
        Map<String, String> options = options(c);
        RadioButtonGroup<String> f = new RadioButtonGroup<>(label);
        f.setItems(new ArrayList<>(options.keySet()));
        f.setItemLabelGenerator(v -> v == null ? "" : options.getOrDefault(v, v));
        if (defaultValue != null && options.containsKey(defaultValue.asText())) f.setValue(defaultValue.asText());
        return f;
    }

    /** value → label, in form order; values given by a process variable ({@code valuesKey}) are not supported. */
    private static Map<String, String> options(JsonNode c) {
        JsonNode values = c.path("values");
        if (!values.isArray()) return Collections.emptyMap();
        Map<String, String> options = new LinkedHashMap<>();
        for (JsonNode v : values) {
            String value = v.path("value").asText(null);
            if (value == null) continue;
            options.put(value, v.path("label").asText(value));
        }
        return options;
    }
}
