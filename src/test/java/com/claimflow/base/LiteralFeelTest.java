package com.claimflow.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

/**
 * The literal entries answered in Java must answer as Camunda's FEEL engine does (DMN 1.3, 10.3.2.9 simple unary tests):
 * every input entry of the product's tables, against inputs of each type the tables use, on both engines.
 */
class LiteralFeelTest {
    private static final String INPUT = "cellInput"; // the name Camunda's DMN engine gives an entry's input
    private final FeelEngine scala = new ScalaFeelEngineFactory(List.of()).createInstance();
    private final LiteralFeel literal = new LiteralFeel(new ScalaFeelEngineFactory(List.of()).createInstance());

    @Test
    void everyEntryOfTheProductsTablesAnswersAsCamundasFeelEngine() throws IOException {
        List<String> entries = entries();
        assertThat(entries).hasSizeGreaterThan(40).contains("-", "\"CodeEncounter\"", ">= 5000", "< 0.05", "true");
        List<TypedValue> inputs = inputs(entries);
        int inJava = 0;
        for (String entry : entries) {
            for (TypedValue input : inputs) {
                VariableContext variables = Variables.createVariables().putValueTyped(INPUT, input).asVariableContext();
                Throwable feelFailed = catchThrowable(() -> scala.evaluateSimpleUnaryTests(entry, INPUT, variables));
                if (feelFailed != null) {
                    assertThatThrownBy(() -> literal.evaluateSimpleUnaryTests(entry, INPUT, variables)).as(entry + " with " + input)
                            .isInstanceOf(feelFailed.getClass());
                    continue;
                }
                boolean feel = scala.evaluateSimpleUnaryTests(entry, INPUT, variables);
                assertThat(literal.evaluateSimpleUnaryTests(entry, INPUT, variables)).as(entry + " with " + input).isEqualTo(feel);
                if (literal.answer(entry, INPUT, variables) != null) inJava++;
            }
        }
        // every entry of the product's tables is made of literals: FEEL is asked only for inputs of another type or null
        assertThat(entries).allSatisfy(e -> assertThat(literal.tests(e)).as(e).isNotNull());
        assertThat(inJava).isGreaterThan(entries.size() * inputs.size() / 3);
    }

    @Test
    void theRulesCasesAnswerInJava() {
        assertThat(answer("-", null)).isTrue(); // "-" matches any input, null too
        assertThat(answer("-", Variables.stringValue("x"))).isTrue();
        assertThat(answer("\"FixCodingEdit\",\"FixClaimEdit\"", Variables.stringValue("FixClaimEdit"))).isTrue();
        assertThat(answer("\"FixCodingEdit\",\"FixClaimEdit\"", Variables.stringValue("FixClaim"))).isFalse();
        assertThat(answer(">= 5000", Variables.integerValue(5000))).isTrue();
        assertThat(answer(">= 5000", Variables.doubleValue(4999.99))).isFalse();
        assertThat(answer("< 0.05", Variables.doubleValue(0.05))).isFalse();
        assertThat(answer("< 0.05", Variables.doubleValue(0.0499))).isTrue();
        assertThat(answer("7", Variables.longValue(7L))).isTrue();
        assertThat(answer("false", Variables.booleanValue(false))).isTrue();
        assertThat(answer("\"a,b\",\"c\"", Variables.stringValue("a,b"))).isTrue(); // a comma inside a literal is not a list's
    }

    @Test
    void whatIsNotALiteralOrNotOfTheLiteralsTypeGoesToFeel() {
        for (String entry : List.of("[1..5]", "not(\"A\")", "date(\"2026-01-01\")", "amount > 5", "\"a\\\"b\"", "null", "< \"b\"")) {
            assertThat(literal.tests(entry)).as(entry).isNull();
        }
        assertThat(answer("\"MCARE\"", null)).isNull(); // a null input: FEEL decides
        assertThat(answer("\"5\"", Variables.integerValue(5))).isNull(); // a number against a string literal: FEEL decides
        assertThat(answer("5", Variables.stringValue("5"))).isNull();
        assertThat(answer("true", Variables.stringValue("true"))).isNull();
        // and FEEL's answer is what the engine gives for them
        VariableContext three = Variables.createVariables().putValueTyped(INPUT, Variables.integerValue(3)).asVariableContext();
        assertThat(literal.evaluateSimpleUnaryTests("[1..5]", INPUT, three)).isTrue();
        assertThat(literal.evaluateSimpleUnaryTests("not(3)", INPUT, three)).isFalse();
    }

    @Test
    void inputExpressionsAndOutputEntriesOfTheProductsTablesAnswerAsCamundasFeelEngine() throws IOException {
        List<String> expressions = texts("<inputExpression[^>]*>\\s*<text>(.*?)</text>");
        List<String> outputs = texts("<outputEntry[^>]*>\\s*<text>(.*?)</text>");
        assertThat(expressions).contains("taskType", "amount", "coderNew");
        assertThat(outputs).contains("true", "false");
        List<Object> values = new ArrayList<>(List.of(5, 5L, 5.0, 5.5, -0.0, 1e20, 0.1, new BigDecimal("5.00"), new BigDecimal("5.25"),
                (short) 3, "CodeEncounter", "", true, false));
        values.add(null);
        for (String expression : expressions) {
            for (Object value : values) {
                VariableContext variables = Variables.createVariables().putValue(expression, value).asVariableContext();
                Object feel = scala.evaluateSimpleExpression(expression, variables);
                Object java = literal.evaluateSimpleExpression(expression, variables);
                assertThat(java).as(expression + " = " + value).isEqualTo(feel);
                if (feel != null) assertThat(java.getClass()).as(expression + " = " + value).isEqualTo(feel.getClass());
            }
            VariableContext none = Variables.createVariables().asVariableContext();
            assertThat((Object) literal.evaluateSimpleExpression(expression, none)).isEqualTo(scala.evaluateSimpleExpression(expression, none));
        }
        VariableContext none = Variables.createVariables().asVariableContext();
        for (String output : outputs) {
            Object feel = scala.evaluateSimpleExpression(output, none);
            Object java = literal.evaluateSimpleExpression(output, none);
            assertThat(java).as(output).isEqualTo(feel);
            if (feel != null) assertThat(java.getClass()).as(output).isEqualTo(feel.getClass());
            assertThat(literal.value(output, none)).as(output + " answered in Java").isNotSameAs(literal.value("x + 1", none));
        }
        for (String expression : expressions) {
            VariableContext set = Variables.createVariables().putValue(expression, 1).asVariableContext();
            assertThat(literal.value(expression, set)).as(expression + " answered in Java").isEqualTo(1L);
        }
    }

    private Boolean answer(String entry, TypedValue input) {
        VariableContext variables = input == null ? Variables.createVariables().putValue(INPUT, null).asVariableContext()
                : Variables.createVariables().putValueTyped(INPUT, input).asVariableContext();
        Boolean inJava = literal.answer(entry, INPUT, variables);
        if (inJava != null) assertThat(inJava).as("FEEL's answer to " + entry).isEqualTo(scala.evaluateSimpleUnaryTests(entry, INPUT, variables));
        return inJava;
    }

    /** Every input entry's text of the tables in processes/ (XML entities undone). */
    static List<String> entries() throws IOException {
        return texts("<inputEntry[^>]*>\\s*<text>(.*?)</text>");
    }

    /** Every distinct text the pattern finds in the tables in processes/ (XML entities undone). */
    static List<String> texts(String pattern) throws IOException {
        Pattern text = Pattern.compile(pattern, Pattern.DOTALL);
        Set<String> found = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path dmn : files.filter(p -> p.toString().endsWith(".dmn")).sorted().toList()) {
                Matcher m = text.matcher(Files.readString(dmn));
                while (m.find()) {
                    found.add(m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** Strings the entries name and others, numbers at and beside the entries' numbers in each type, booleans, null. */
    static List<TypedValue> inputs(List<String> entries) {
        List<TypedValue> inputs = new ArrayList<>();
        Matcher strings = Pattern.compile("\"([^\"]*)\"").matcher(String.join(" ", entries));
        Set<String> names = new LinkedHashSet<>();
        while (strings.find()) names.add(strings.group(1));
        names.add("SomethingElse");
        names.add("");
        names.forEach(s -> inputs.add(Variables.stringValue(s)));
        Matcher numbers = Pattern.compile("(?<![\"\\w])-?\\d+(\\.\\d+)?(?![\"\\w])").matcher(String.join(" ", entries.stream().map(e -> e.replaceAll("\"[^\"]*\"", "")).toList()));
        Set<BigDecimal> values = new LinkedHashSet<>(List.of(BigDecimal.ZERO, new BigDecimal("-1"), new BigDecimal("123456.78")));
        while (numbers.find()) {
            BigDecimal n = new BigDecimal(numbers.group());
            values.add(n);
            values.add(n.add(new BigDecimal("0.01")));
            values.add(n.subtract(new BigDecimal("0.01")));
            values.add(n.add(BigDecimal.ONE));
        }
        for (BigDecimal v : values) {
            inputs.add(Variables.doubleValue(v.doubleValue()));
            if (v.stripTrailingZeros().scale() <= 0) {
                inputs.add(Variables.integerValue(v.intValue()));
                inputs.add(Variables.longValue(v.longValue()));
            }
        }
        inputs.add(Variables.booleanValue(true));
        inputs.add(Variables.booleanValue(false));
        inputs.add(Variables.stringValue(null));
        inputs.add(Variables.integerValue(null));
        return inputs;
    }
}
