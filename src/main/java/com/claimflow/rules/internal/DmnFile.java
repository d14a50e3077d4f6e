package com.claimflow.rules.internal;

import com.claimflow.rules.DecisionTableContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A DMN file read twice: by Camunda's DMN engine (what the process engine will evaluate, with its parse errors) and by
 * the DMN model API (the columns, rules and annotations a person reads). Reading refuses, in this order, a file that is
 * not XML, XML that is not DMN, and DMN the engine cannot parse, each with the reason.
 */
public final class DmnFile {
    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    /** A column's expression that is only a variable name, so it can be checked against what the callers pass. */
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A rule entry of quoted strings ({@code "PrepareAppeal","FollowUpAppeal"}): its first string becomes a sample. */
    private static final Pattern FIRST_LITERAL = Pattern.compile("^\\s*\"([^\"]*)\"\\s*(,\\s*\"[^\"]*\"\\s*)*$");

    private final byte[] bytes;
    private final Map<String, DmnDecision> decisions = new LinkedHashMap<>();
    private final Map<String, Decision> models = new LinkedHashMap<>();

    /** Why a file cannot be read as DMN, in words for the person who uploaded it. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private DmnFile(byte[] bytes, List<DmnDecision> parsed, DmnModelInstance model) {
        this.bytes = bytes;
        parsed.forEach(d -> decisions.put(d.getKey(), d));
        model.getModelElementsByType(Decision.class).forEach(d -> models.put(d.getId(), d));
    }

    public static DmnFile read(byte[] bytes) throws Unreadable {
        if (bytes == null || bytes.length == 0) throw new Unreadable("the file is empty");
        Element root = xmlRoot(bytes);
        String namespace = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
        if (!"definitions".equals(root.getLocalName()) || !namespace.matches("https?://www\\.omg\\.org/spec/DMN/.*")) {
            throw new Unreadable("the file is XML but not DMN: its root element is <" + root.getTagName() + "> in namespace '" + namespace
                    + "'; a decision table saved by Camunda Modeler starts with <definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\">");
        }
        try {
            List<DmnDecision> parsed = DMN.parseDecisions(new ByteArrayInputStream(bytes));
            DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
            return new DmnFile(bytes, parsed, model);
        } catch (RuntimeException e) {
            throw new Unreadable("the DMN engine cannot parse the file: " + causes(e));
        }
    }

    /** The engine wraps the reason ("DMN-02003 Unable to transform decisions"): every message down the chain, once each. */
    private static String causes(Throwable e) {
        LinkedHashSet<String> messages = new LinkedHashSet<>();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) messages.add(t.getMessage().strip());
        }
        return String.join(": ", messages);
    }

    private static Element xmlRoot(byte[] bytes) throws Unreadable {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // an uploaded file never loads other files or expands entities (XXE)
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        } catch (SAXParseException e) {
            throw new Unreadable("the file is not XML (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + "): " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new Unreadable("the file is not XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured safely", e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The decision keys (ids) in the file, in file order. */
    public List<String> keys() {
        return List.copyOf(decisions.keySet());
    }

    public Optional<DecisionTable> table(String key) {
        Decision d = models.get(key);
        return d != null && d.getExpression() instanceof DecisionTable t ? Optional.of(t) : Optional.empty();
    }

    public List<String> outputNames(String key) {
        return table(key).map(t -> t.getOutputs().stream().map(Output::getName).toList()).orElse(List.of());
    }

    /** Each input column's expression text, in column order. */
    public List<String> inputExpressions(String key) {
        return table(key).map(t -> t.getInputs().stream().map(DmnFile::expression).toList()).orElse(List.of());
    }

    public static boolean isVariable(String expression) {
        return VARIABLE.matcher(expression).matches();
    }

    public DmnDecisionResult evaluate(String key, Map<String, Object> variables) {
        return DMN.evaluateDecision(decisions.get(key), variables);
    }

    /**
     * One sample per rule of a decision whose inputs are all strings read from variables: each entry's first quoted
     * string, or "" for "-". Rules with other entries (not(...), ranges) give none.
     */
    public List<Map<String, Object>> literalSamples(String key) {
        Optional<DecisionTable> table = table(key);
        if (table.isEmpty()) return List.of();
        List<Input> inputs = List.copyOf(table.get().getInputs());
        boolean allStrings = inputs.stream().allMatch(i -> isVariable(expression(i)) && "string".equals(i.getInputExpression().getTypeRef()));
        if (!allStrings) return List.of();
        List<Map<String, Object>> samples = new ArrayList<>();
        for (Rule rule : table.get().getRules()) {
            List<InputEntry> entries = List.copyOf(rule.getInputEntries());
            Map<String, Object> sample = new LinkedHashMap<>();
            for (int i = 0; i < inputs.size() && i < entries.size(); i++) {
                String text = text(entries.get(i).getText() == null ? null : entries.get(i).getText().getTextContent());
                Matcher m = FIRST_LITERAL.matcher(text);
                if (text.isEmpty() || text.equals("-")) sample.put(expression(inputs.get(i)), "");
                else if (m.matches()) sample.put(expression(inputs.get(i)), m.group(1));
                else break;
            }
            if (sample.size() == inputs.size()) samples.add(sample);
        }
        return samples;
    }

    /** The file's decisions as a person reads them, in file order. */
    public List<DecisionTableContent> content() {
        List<DecisionTableContent> content = new ArrayList<>();
        models.forEach((key, decision) -> {
            if (!(decision.getExpression() instanceof DecisionTable t)) {
                content.add(new DecisionTableContent(key, decision.getName(), "(not a decision table)", List.of(), List.of(), List.of()));
                return;
            }
            String hitPolicy = t.getHitPolicy().name() + (t.getAggregation() == null ? "" : " " + t.getAggregation().name());
            List<String> inputs = t.getInputs().stream().map(i -> label(i.getLabel(), expression(i))).toList();
            List<String> outputs = t.getOutputs().stream().map(o -> label(o.getLabel(), o.getName())).toList();
            List<DecisionTableContent.Rule> rules = new ArrayList<>();
            int number = 1;
            for (Rule r : t.getRules()) {
                List<String> in = r.getInputEntries().stream().map(e -> text(e.getText() == null ? null : e.getText().getTextContent())).toList();
                List<String> out = r.getOutputEntries().stream().map(DmnFile::outputText).toList();
                String annotation = r.getDescription() == null ? "" : text(r.getDescription().getTextContent());
                rules.add(new DecisionTableContent.Rule(number++, in, out, annotation));
            }
            content.add(new DecisionTableContent(key, decision.getName(), hitPolicy, inputs, outputs, rules));
        });
        return content;
    }

    private static String outputText(OutputEntry e) {
        return text(e.getText() == null ? null : e.getText().getTextContent());
    }

    private static String expression(Input input) {
        var e = input.getInputExpression();
        return e == null || e.getText() == null ? "" : text(e.getText().getTextContent());
    }

    private static String label(String label, String name) {
        return label == null || label.isBlank() || label.equals(name) ? name : label + " (" + name + ")";
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
