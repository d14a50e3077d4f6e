package com.claimflow.workqueue.internal;

import com.claimflow.audit.AuditService;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passes next-task's claims on to the engine and the audit trail (decision 0008). Next task takes the row in one
 * autocommit update that marks it, with the time ({@link WorkItemStore#assignIfFreeAheadOfEngine}); right after, a worker
 * thread writes the claim's audit row and sets the engine's assignee in one transaction; a completion, release or
 * reassignment does it first in its own transaction; the listener records the claim of a task the engine ends meanwhile;
 * a sweep passes on what a crash or a failed attempt left. Each pass clears the mark with a conditional update that
 * locks the row, so a release or reassignment in between wins and nothing is passed on twice. The worker thread passes on
 * what has gathered since its last pass in one transaction (up to {@value #HAND_OFF_BATCH}): under load one commit serves
 * many claims instead of one each.
 */
@Component
public class EngineClaims {
    private static final Logger log = LoggerFactory.getLogger(EngineClaims.class);
    private static final int SWEEP_BATCH = 500;
    private static final int HAND_OFF_BATCH = 50;
    /** The audit trail's action for a task next task handed out. */
    public static final String CLAIMED_NEXT = "CLAIMED_NEXT";

    private record Claim(String taskId, String assignee) {
    }

    private final WorkItemStore store;
    private final TaskService tasks;
    private final AuditService audit;
    private final TransactionTemplate tx;
    /** Claims committed in the projection and not yet passed on by the worker thread (also marked in the rows, for the sweep). */
    private final BlockingQueue<Claim> handOffs = new LinkedBlockingQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "engine-claims");
        t.setDaemon(true);
        return t;
    });

    public EngineClaims(WorkItemStore store, TaskService tasks, AuditService audit, PlatformTransactionManager txManager) {
        this.store = store;
        this.tasks = tasks;
        this.audit = audit;
        this.tx = new TransactionTemplate(txManager);
    }

    /**
     * Passes a claim that next task has just taken on as soon as it is committed: now when it already is (an autocommit
     * update), after the commit when a transaction is open (nothing happens on rollback).
     */
    public void passOnSoon(String taskId, String assignee) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            handOff(taskId, assignee);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                handOff(taskId, assignee);
            }
        });
    }

    private void handOff(String taskId, String assignee) {
        try {
            handOffs.add(new Claim(taskId, assignee));
            worker.execute(this::passOnGathered);
        } catch (RejectedExecutionException shuttingDown) {
            log.info("claim of task {} left to the next start's sweep", taskId);
        }
    }

    /**
     * In the caller's transaction (a completion, release or reassignment about to follow, or one of the passes below): if
     * the claim is still to be passed on, writes its audit row with the time it was taken and gives the engine the assignee.
     * Returns whether it did.
     */
    public boolean passOnNow(String taskId, String assignee) {
        Optional<WorkItemStore.PendingClaim> claim = store.takePendingEngineClaim(taskId, assignee);
        if (claim.isEmpty()) return false; // released, reassigned, completed or passed on already
        audit(claim.get());
        tasks.setAssignee(taskId, assignee);
        return true;
    }

    /**
     * For the projection's listener, when the engine ends the task or gives it another assignee before the claim was passed
     * on: the claim still goes into the audit trail (the engine has no use for it any more).
     */
    public void recordUnpassedClaim(String taskId) {
        store.takePendingEngineClaim(taskId, null).ifPresent(this::audit);
    }

    private void audit(WorkItemStore.PendingClaim c) {
        // a mark without a time is a claim made before V10, whose audit row was written in the caller's transaction
        // the row is the record of the task's view as next task returned it: who, which task and encounter, through what
        if (c.claimedAt() != null) audit.recordAt(c.claimedAt(), c.assignee(), CLAIMED_NEXT, c.encounterId(), c.taskId(),
                c.channel() == null ? c.taskType() : c.taskType() + " via " + c.channel());
    }

    /**
     * The same in a transaction of its own, for a claim passed on alone. Returns whether it gave one; a failure (the engine's
     * task changed or went meanwhile) is logged and left for the sweep.
     */
    public boolean passOn(String taskId, String assignee) {
        try {
            return Boolean.TRUE.equals(tx.execute(s -> passOnNow(taskId, assignee)));
        } catch (RuntimeException e) {
            log.warn("could not give task {} its assignee in the engine yet ({}); the sweep tries again", taskId, e.toString());
            return false;
        }
    }

    private void passOnGathered() {
        List<Claim> batch = new ArrayList<>();
        handOffs.drainTo(batch, HAND_OFF_BATCH);
        passOnAll(batch);
    }

    /**
     * Passes the claims on in one transaction; if the engine refuses one of them, the batch is rolled back and each is tried
     * on its own, so one bad task does not hold up the others. Returns how many were given.
     */
    private int passOnAll(List<Claim> batch) {
        if (batch.isEmpty()) return 0;
        if (batch.size() == 1) return passOn(batch.get(0).taskId(), batch.get(0).assignee()) ? 1 : 0;
        try {
            Integer given = tx.execute(s -> {
                int n = 0;
                for (Claim c : batch) {
                    if (passOnNow(c.taskId(), c.assignee())) n++;
                }
                return n;
            });
            return given == null ? 0 : given;
        } catch (RuntimeException e) {
            log.info("passing {} claims on together failed ({}); passing them on one by one", batch.size(), e.toString());
            int n = 0;
            for (Claim c : batch) {
                if (passOn(c.taskId(), c.assignee())) n++;
            }
            return n;
        }
    }

    /** Passes on what is still pending: claims of a crashed instance, of another instance, or ones that failed. */
    @Scheduled(initialDelayString = "${claimflow.work-queue.engine-claim-sweep-millis:30000}",
            fixedDelayString = "${claimflow.work-queue.engine-claim-sweep-millis:30000}")
    public int sweep() {
        List<Claim> pending = store.pendingEngineClaims(SWEEP_BATCH).entrySet().stream()
                .map(e -> new Claim(e.getKey(), e.getValue())).toList();
        int passed = 0;
        for (int from = 0; from < pending.size(); from += HAND_OFF_BATCH) {
            passed += passOnAll(pending.subList(from, Math.min(from + HAND_OFF_BATCH, pending.size())));
        }
        if (passed > 0) log.info("passed {} pending claims on to the engine", passed);
        return passed;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS); // what is left stays marked for the next start's sweep
    }
}
