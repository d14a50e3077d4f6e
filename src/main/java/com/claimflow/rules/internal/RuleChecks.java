package com.claimflow.rules.internal;

import com.claimflow.rules.DecisionContract;
import com.claimflow.rules.DecisionContract.Answer;
import com.claimflow.rules.RuleCheck;
import com.claimflow.rules.RuleTable;
import com.claimflow.rules.SampleAnswer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;

/**
 * Whether an uploaded file can replace a table without breaking its callers: the decision keys, the input columns the
 * callers feed and the output columns they read, how many answers they take, and every sample evaluated without error.
 * An accepted file's samples come back answered by the current and the uploaded version side by side.
 */
public final class RuleChecks {
    private RuleChecks() {
    }

    public static RuleCheck check(RuleTable table, int currentVersion, DmnFile current, byte[] uploaded) {
        DmnFile file;
        try {
            file = DmnFile.read(uploaded);
        } catch (DmnFile.Unreadable e) {
            return refused(table, currentVersion, List.of(e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        Set<String> expected = table.decisions().stream().map(DecisionContract::key).collect(Collectors.toCollection(LinkedHashSet::new));
        for (String key : file.keys()) {
            if (!expected.contains(key)) {
                problems.add("decision '" + key + "' does not belong to the table " + table.key() + ": the file may hold only " + expected);
            }
        }
        for (DecisionContract c : table.decisions()) {
            if (!file.keys().contains(c.key())) {
                problems.add("decision '" + c.key() + "' is missing (the file holds " + file.keys() + "): keep the decision's id '" + c.key()
                        + "', which " + c.readBy() + " evaluates");
            } else if (file.table(c.key()).isEmpty()) {
                problems.add("decision '" + c.key() + "' is not a decision table: " + c.readBy() + " needs its rules as a table");
            } else {
                columns(c, file, problems);
            }
        }
        if (!problems.isEmpty()) return refused(table, currentVersion, problems);

        List<SampleAnswer> answers = new ArrayList<>();
        for (DecisionContract c : table.decisions()) {
            Set<Map<String, Object>> samples = new LinkedHashSet<>(c.samples());
            samples.addAll(current.literalSamples(c.key()));
            samples.addAll(file.literalSamples(c.key()));
            for (Map<String, Object> sample : samples) {
                String before = answer(current, c, sample);
                String after;
                try {
                    DmnDecisionResult result = file.evaluate(c.key(), sample);
                    if (c.answer() != Answer.LIST && result.size() > 1) {
                        problems.add("decision '" + c.key() + "' gives " + result.size() + " answers for " + sample + ", but " + c.readBy()
                                + " takes one: use hit policy FIRST or UNIQUE, or make the rules exclusive");
                        continue;
                    }
                    after = format(result);
                } catch (RuntimeException e) {
                    problems.add("decision '" + c.key() + "' fails on the sample " + sample + ": " + e.getMessage());
                    continue;
                }
                answers.add(new SampleAnswer(c.key(), sample.toString(), before, after, !before.equals(after)));
            }
        }
        if (!problems.isEmpty()) return refused(table, currentVersion, problems);
        return new RuleCheck(table.key(), currentVersion, List.of(), answers);
    }

    private static void columns(DecisionContract c, DmnFile file, List<String> problems) {
        List<String> outputs = file.outputNames(c.key());
        for (String required : c.requiredOutputs()) {
            if (!outputs.contains(required)) {
                problems.add("decision '" + c.key() + "' has no output column named '" + required + "', which " + c.readBy() + " reads (outputs: "
                        + outputs + ")");
            }
        }
        if (c.answer() == Answer.SINGLE_ENTRY && outputs.size() != 1) {
            problems.add("decision '" + c.key() + "' has " + outputs.size() + " output columns, but " + c.readBy() + " reads a single value: keep only "
                    + c.requiredOutputs());
        }
        List<String> inputs = file.inputExpressions(c.key());
        for (String required : c.requiredInputs()) {
            if (!inputs.contains(required)) {
                problems.add("decision '" + c.key() + "' has no input column reading '" + required + "', which " + c.readBy() + " passes (inputs: "
                        + inputs + ")");
            }
        }
        if (c.provided() != null) {
            for (String input : inputs) {
                if (DmnFile.isVariable(input) && !c.provided().contains(input)) {
                    problems.add("decision '" + c.key() + "' has an input column reading '" + input + "', which " + c.readBy()
                            + " never passes (it passes " + new TreeSet<>(c.provided()) + ")");
                }
            }
        }
    }

    private static String answer(DmnFile current, DecisionContract c, Map<String, Object> sample) {
        if (current == null || !current.keys().contains(c.key())) return "(not in the current version)";
        try {
            return format(current.evaluate(c.key(), sample));
        } catch (RuntimeException e) {
            return "(fails: " + e.getMessage() + ")";
        }
    }

    /** An answer as the view shows it: a single output's value, "name=value" pairs for several, " | " between matched rules. */
    static String format(DmnDecisionResult result) {
        if (result.isEmpty()) return "no rule matches";
        return result.getResultList().stream()
                .map(entries -> entries.size() == 1 ? String.valueOf(entries.values().iterator().next())
                        : entries.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining(" | "));
    }

    private static RuleCheck refused(RuleTable table, int currentVersion, List<String> problems) {
        return new RuleCheck(table.key(), currentVersion, List.copyOf(problems), List.of());
    }
}
