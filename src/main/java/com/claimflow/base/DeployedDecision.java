package com.claimflow.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;

/**
 * The latest deployed version of one DMN table, parsed once and evaluated in memory: no query for the latest version and
 * no decision history per evaluation, for tables asked thousands of times a second (task priority, payer rules, SLA
 * durations). Each answer is kept for the version it came from ({@link #answer}). A
 * redeployed table is noticed within {@link #REFRESH_MILLIS}, and at once on the node that deployed it when that node calls
 * {@link #redeployed()}. Decisions a person must be able to trace later go through Camunda's {@code DecisionService} instead.
 */
public final class DeployedDecision {
    public static final long REFRESH_MILLIS = 60_000;
    private static final DmnEngine DMN = LiteralFeel.dmnConfiguration().buildEngine();
    /** Bumped after a table is deployed on this node: every instance looks for the latest version at its next evaluation. */
    private static final AtomicLong GENERATION = new AtomicLong();

    /** Answers kept per version at most; past it they are dropped and kept again as they are asked. */
    static final int MAX_KEPT = 100_000;
    private static final Object NO_ANSWER = new Object();

    private final RepositoryService repository;
    private final String key;
    private volatile Parsed parsed;
    private volatile Kept kept;

    /** {@code pure}: the table never asks for the current date or time, so an answer depends on its inputs alone. */
    private record Parsed(String definitionId, DmnDecision decision, boolean pure, long checkedAt, long generation) {
    }

    /** FEEL's functions of the clock (DMN 1.3, 10.3.4.1): a table that calls one may answer the same inputs otherwise tomorrow. */
    private static final java.util.regex.Pattern CLOCK = java.util.regex.Pattern.compile("\\b(now|today)\\s*\\(");

    private record Kept(String definitionId, Map<String, Object> answers) {
    }

    public DeployedDecision(RepositoryService repository, String key) {
        this.repository = repository;
        this.key = key;
    }

    /** Called after a deployment of a table has committed, so this node evaluates the new version from now on. */
    public static void redeployed() {
        GENERATION.incrementAndGet();
    }

    /**
     * The answer for these inputs, evaluated once per deployed version and then kept: for callers whose inputs take few
     * values (task types, payers, codes) and who need no decision history, such as the SLA timers' durations. A table is
     * a pure function of its inputs, so the kept answer is the one an evaluation would give until the table is redeployed;
     * a version that calls {@code now()} or {@code today()} is not, and is evaluated every time.
     *
     * @param answerKey the inputs' values as one string, the same for the same inputs
     * @param read what the caller keeps of the result; it may answer null
     */
    @SuppressWarnings("unchecked")
    public <T> T answer(String answerKey, Map<String, Object> variables, Function<DmnDecisionResult, T> read) {
        Parsed p = current();
        if (!p.pure()) return read.apply(DMN.evaluateDecision(p.decision(), variables)); // it asks the clock: evaluated each time
        Kept k = kept;
        if (k == null || !k.definitionId().equals(p.definitionId())) {
            k = new Kept(p.definitionId(), new ConcurrentHashMap<>());
            kept = k;
        }
        Object answer = k.answers().get(answerKey);
        if (answer == null) {
            T read0 = read.apply(DMN.evaluateDecision(p.decision(), variables));
            answer = read0 == null ? NO_ANSWER : read0;
            if (k.answers().size() >= MAX_KEPT) k.answers().clear();
            k.answers().put(answerKey, answer);
        }
        return answer == NO_ANSWER ? null : (T) answer;
    }

    private Parsed current() {
        Parsed p = parsed;
        long now = System.currentTimeMillis();
        long generation = GENERATION.get();
        if (fresh(p, now, generation)) return p;
        synchronized (this) {
            p = parsed;
            if (fresh(p, now, generation)) return p;
            var definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
            if (definition == null) throw new IllegalStateException("decision " + key + " is not deployed");
            if (p != null && p.definitionId().equals(definition.getId())) {
                p = new Parsed(p.definitionId(), p.decision(), p.pure(), now, generation);
            } else {
                try (var model = repository.getDecisionModel(definition.getId())) {
                    byte[] xml = model.readAllBytes();
                    boolean pure = !CLOCK.matcher(new String(xml, java.nio.charset.StandardCharsets.UTF_8)).find();
                    p = new Parsed(definition.getId(), DMN.parseDecision(key, new java.io.ByteArrayInputStream(xml)), pure, now, generation);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the deployed decision " + key, e);
                }
            }
            parsed = p;
            return p;
        }
    }

    private static boolean fresh(Parsed p, long now, long generation) {
        return p != null && p.generation() == generation && now - p.checkedAt() <= REFRESH_MILLIS;
    }
}
