package com.claimflow.base;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * FEEL for a decision table's literal cells, in Java. A table's input entries made of literals only ({@code -}, {@code "CodeEncounter","AuditCoding"}, {@code true},
 * {@code >= 5000}, {@code < 0.05}), its input expressions that name a variable and its literal output entries answered in
 * Java; every other expression, and every input these cannot judge (null, or not of the literal's type), goes to Camunda's
 * FEEL engine as before. Camunda's FEEL engine builds its table of built-in
 * functions anew for every entry it evaluates, a {@code -} included: with the tables' 130 entries, 71 of them {@code -},
 * that was about 6 % of the JVM's time in the lifecycle benchmark (issue #17, docs/benchmarks.md).
 *
 * <p>The answers are FEEL's (DMN 1.3, 10.3.2.9 simple unary tests): {@code -} matches any input; a list matches when one of its
 * tests does; a string literal matches an equal string; a number literal, alone or after {@code < <= > >=}, compares as a
 * decimal with a number; {@code true}/{@code false} match the equal boolean. {@code LiteralFeelTest} checks every entry
 * of the product's tables against Camunda's engine.
 */
public final class LiteralFeel implements FeelEngine {
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)\\s*(" + DECIMAL.pattern() + ")");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "not", "and", "or", "if", "then",
            "else", "for", "in", "return", "some", "every", "satisfies", "instance", "of", "function", "between", "external");
    /** Marks an expression FEEL must answer. */
    private static final Object FEEL = new Object();
    /** Distinct entries kept at most (a table has tens; uploads add versions): past it, entries are parsed every time. */
    static final int MAX_KEPT = 10_000;

    private final FeelEngine feel;
    private final Map<String, Optional<List<Test>>> parsed = new ConcurrentHashMap<>();

    public LiteralFeel(FeelEngine feel) {
        this.feel = feel;
    }

    /** Camunda's FEEL engine (no custom functions) behind this one. */
    public static FeelEngineFactory factory() {
        FeelEngineFactory scala = new ScalaFeelEngineFactory(List.of());
        return () -> new LiteralFeel(scala.createInstance());
    }

    /** A DMN engine configuration that answers literal entries this way. */
    public static DefaultDmnEngineConfiguration dmnConfiguration() {
        DefaultDmnEngineConfiguration configuration = new DefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(factory());
        return configuration;
    }

    /** The process engine's business rule tasks answer literal entries this way too. */
    @Component
    public static class Plugin extends AbstractProcessEnginePlugin {
        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            if (configuration.getDmnEngineConfiguration() == null) configuration.setDmnEngineConfiguration(dmnConfiguration());
        }
    }

    /**
     * An input expression that names a variable, or an output entry that is a literal, answered as FEEL answers it (a whole
     * number that fits a long as a Long, any other number as a Double); every other expression goes to FEEL.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        Object value = value(expression, variables);
        return value != FEEL ? (T) value : feel.evaluateSimpleExpression(expression, variables);
    }

    /** The expression's value in Java, or {@link #FEEL}. */
    Object value(String expression, VariableContext variables) {
        String text = expression.strip();
        if (NAME.matcher(text).matches() && !KEYWORDS.contains(text)) {
            if (!variables.containsVariable(text)) return FEEL;
            TypedValue typed = variables.resolve(text);
            return feelValue(typed == null ? null : typed.getValue());
        }
        if (text.equals("null")) return null;
        Object literal = literal(text);
        return literal instanceof BigDecimal n ? number(n) : literal;
    }

    /** A string, boolean or number literal's value (a String, a Boolean, a BigDecimal), or {@link #FEEL}. */
    private static Object literal(String text) {
        Matcher string = STRING.matcher(text);
        if (string.matches()) return string.group(1);
        if (text.equals("true") || text.equals("false")) return Boolean.valueOf(text);
        if (DECIMAL.matcher(text).matches()) return new BigDecimal(text);
        return FEEL;
    }

    /** A variable's value as FEEL hands it back: strings, booleans and null as they are, numbers as {@link #number}. */
    private static Object feelValue(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) return value;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double d) return Double.isFinite(d) ? number(BigDecimal.valueOf(d)) : FEEL;
        if (value instanceof BigDecimal d) return number(d);
        return FEEL;
    }

    private static Object number(BigDecimal n) {
        BigDecimal whole = n.stripTrailingZeros();
        if (whole.scale() <= 0 && whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                && whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
            return whole.longValueExact();
        }
        return n.doubleValue();
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        Boolean answer = answer(expression, inputVariable, variables);
        return answer != null ? answer : feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
    }

    /** The answer in Java, or null when FEEL must give it. */
    Boolean answer(String expression, String inputVariable, VariableContext variables) {
        List<Test> tests = tests(expression);
        if (tests == null) return null;
        if (tests.isEmpty()) return true; // "-"
        TypedValue typed = variables.resolve(inputVariable);
        Object input = typed == null ? null : typed.getValue();
        if (input == null) return null;
        boolean any = false;
        for (Test test : tests) {
            Boolean one = test.test(input);
            if (one == null) return null;
            any |= one;
        }
        return any;
    }

    /** The entry's tests (empty for {@code -}), or null when it is not made of literals only. */
    List<Test> tests(String expression) {
        Optional<List<Test>> kept = parsed.get(expression);
        if (kept == null) {
            kept = Optional.ofNullable(parse(expression));
            if (parsed.size() < MAX_KEPT) parsed.put(expression, kept);
        }
        return kept.orElse(null);
    }

    static List<Test> parse(String expression) {
        String text = expression.strip();
        if (text.equals("-")) return List.of();
        List<Test> tests = new ArrayList<>();
        int at = 0;
        while (true) {
            int comma = nextComma(text, at);
            Test test = test(text.substring(at, comma < 0 ? text.length() : comma).strip());
            if (test == null) return null;
            tests.add(test);
            if (comma < 0) return List.copyOf(tests);
            at = comma + 1;
        }
    }

    /** The next comma outside a string literal, or -1. */
    private static int nextComma(String text, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) return i;
        }
        return -1;
    }

    private static Test test(String part) {
        Matcher comparison = COMPARISON.matcher(part);
        if (comparison.matches()) return new Compare(comparison.group(1), new BigDecimal(comparison.group(2)));
        Object literal = literal(part);
        if (literal == FEEL) return null;
        return literal instanceof BigDecimal n ? new Compare("=", n) : new Equals(literal);
    }

    /** One test of a list: true or false, or null when the input is not of a type it can judge. */
    interface Test {
        Boolean test(Object input);
    }

    record Equals(Object literal) implements Test {
        @Override
        public Boolean test(Object input) {
            return literal.getClass() == input.getClass() ? literal.equals(input) : null;
        }
    }

    record Compare(String operator, BigDecimal literal) implements Test {
        @Override
        public Boolean test(Object input) {
            BigDecimal value = decimal(input);
            if (value == null) return null;
            int c = value.compareTo(literal);
            return switch (operator) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> c == 0;
            };
        }

        private static BigDecimal decimal(Object input) {
            if (input instanceof BigDecimal d) return d;
            if (input instanceof Integer || input instanceof Long || input instanceof Short || input instanceof Byte) {
                return BigDecimal.valueOf(((Number) input).longValue());
            }
            if (input instanceof BigInteger i) return new BigDecimal(i);
            if (input instanceof Double d) return Double.isFinite(d) ? BigDecimal.valueOf(d) : null; // as FEEL reads a double
            return null;
        }
    }
}
