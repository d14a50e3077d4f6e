package com.claimflow.audit.internal;

import com.claimflow.audit.ChainProblem;
import com.claimflow.audit.ChainProblem.Kind;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Walks the sealed chain in seq order and says where it breaks: each link's MAC over the row, its seq and the previous
 * row's MAC; seq continuity; the end against the head; each row's writer's MAC. A broken link is told apart by trying the
 * row at the places around it (moved) and the next row right after the previous one (a row slipped in). Pure: the rows come
 * from the caller.
 */
public final class ChainVerifier {
    /** How many rows before and after a broken link are tried as its real place. */
    static final int WINDOW = 3;

    private final AuditMac mac;
    private final ChainHead head;
    private final int maxProblems;
    private final List<ChainProblem> problems = new ArrayList<>();
    private final Deque<AuditRow> behind = new ArrayDeque<>();
    private final Deque<AuditRow> ahead = new ArrayDeque<>();
    private long sealedRows;
    private long unsealedRows;
    private Instant oldestUnsealedAt;

    public ChainVerifier(AuditMac mac, ChainHead head, int maxProblems) {
        this.mac = mac;
        this.head = head;
        this.maxProblems = maxProblems;
    }

    /** Checks the sealed rows, in seq order (then id). */
    public ChainVerifier sealed(Iterator<AuditRow> rows) {
        if (!head.intact(mac)) {
            add(Kind.HEAD_ALTERED, head.lastSeq(), null, "the chain's head (last seq " + head.lastSeq()
                    + ") does not match its MAC: it was set back or changed, or the key is not the one that sealed the chain");
        }
        String previousMac = null;
        long expected = 1;
        AuditRow previous = null;
        while (!full()) {
            if (ahead.isEmpty() && !rows.hasNext()) break;
            AuditRow r = ahead.isEmpty() ? rows.next() : ahead.removeFirst();
            sealedRows++;
            if (r.seq() < expected) {
                add(Kind.DUPLICATE_SEQ, r.seq(), r.id(), "row id " + r.id() + " has seq " + r.seq() + ", a place row id "
                        + (previous == null ? "?" : previous.id()) + " already holds: a row was inserted or renumbered");
                continue;
            }
            if (r.seq() > head.lastSeq()) {
                add(Kind.INSERTED, r.seq(), r.id(), "row id " + r.id() + " has seq " + r.seq() + ", beyond the head's last seq "
                        + head.lastSeq() + ": the sealer did not seal it");
                continue;
            }
            if (r.seq() > expected) {
                add(Kind.MISSING, expected, r.id(), (r.seq() - expected == 1 ? "seq " + expected : "seq " + expected + " to " + (r.seq() - 1))
                        + " missing between row id " + (previous == null ? "(start)" : previous.id()) + " and row id " + r.id() + ": deleted");
                checkWriter(r); // its link to the deleted row cannot be checked
            } else if (!r.mac().equals(mac.link(r, r.seq(), previousMac))) {
                problems.add(brokenLink(r, previous, previousMac, rows));
            } else {
                checkWriter(r);
            }
            previousMac = r.mac();
            previous = r;
            expected = r.seq() + 1;
            behind.addLast(r);
            if (behind.size() > WINDOW) behind.removeFirst();
        }
        if (!full() && head.intact(mac)) {
            if (expected - 1 < head.lastSeq()) {
                add(Kind.TRUNCATED, expected, null, (head.lastSeq() - expected == 0 ? "seq " + expected : "seq " + expected + " to " + head.lastSeq())
                        + " missing at the end of the chain (after row id " + (previous == null ? "(start)" : previous.id()) + "): deleted");
            } else if (expected - 1 == head.lastSeq() && !Objects.equals(previousMac, head.lastMac())) {
                add(Kind.ALTERED, head.lastSeq(), previous == null ? null : previous.id(), "the last row's MAC differs from the one the head recorded");
            }
        }
        return this;
    }

    /** Checks the rows not sealed yet: each one's writer's MAC, and that none waited since before {@code bound}. */
    public ChainVerifier unsealed(Iterator<AuditRow> rows, Instant bound) {
        while (rows.hasNext()) {
            AuditRow r = rows.next();
            unsealedRows++;
            Instant at = r.occurredAtMillis() == null ? null : Instant.ofEpochMilli(r.occurredAtMillis());
            if (at != null && (oldestUnsealedAt == null || at.isBefore(oldestUnsealedAt))) oldestUnsealedAt = at;
            if (full()) continue;
            checkWriter(r);
            if (at != null && at.isBefore(bound)) {
                add(Kind.UNSEALED, null, r.id(), "row id " + r.id() + " of " + at + " is not sealed yet: is the sealer running?");
            }
        }
        return this;
    }

    public List<ChainProblem> problems() { return problems; }
    public long sealedRows() { return sealedRows; }
    public long unsealedRows() { return unsealedRows; }
    public Instant oldestUnsealedAt() { return oldestUnsealedAt; }

    private ChainProblem brokenLink(AuditRow r, AuditRow previous, String previousMac, Iterator<AuditRow> rows) {
        while (ahead.size() < WINDOW && rows.hasNext()) ahead.addLast(rows.next());
        // moved: its MAC holds at another seq, after another row near here
        List<AuditRow> near = new ArrayList<>(behind);
        near.addAll(ahead);
        for (long s = Math.max(1, r.seq() - WINDOW); s <= r.seq() + WINDOW; s++) {
            if (s == 1 && r.mac().equals(mac.link(r, 1, null))) return moved(r, 1, null);
            for (AuditRow before : near) {
                if (before.id() != r.id() && (s != r.seq() || !Objects.equals(before.mac(), previousMac))
                        && r.mac().equals(mac.link(r, s, before.mac()))) {
                    return moved(r, s, before);
                }
            }
        }
        // slipped in: the next row links straight to the previous one
        AuditRow next = ahead.peekFirst();
        if (next != null && next.mac().equals(mac.link(next, next.seq() - 1, previousMac))) {
            return new ChainProblem(Kind.INSERTED, r.seq(), r.id(), "row id " + r.id() + " at seq " + r.seq() + " was not sealed: row id "
                    + next.id() + " after it was sealed as seq " + (next.seq() - 1) + " right after row id " + (previous == null ? "(start)" : previous.id()));
        }
        return new ChainProblem(Kind.ALTERED, r.seq(), r.id(), "row id " + r.id() + " at seq " + r.seq()
                + " differs from what was sealed: its content, id or MAC changed (or the row before it was deleted and the rest renumbered)");
    }

    private static ChainProblem moved(AuditRow r, long sealedSeq, AuditRow sealedAfter) {
        return new ChainProblem(Kind.OUT_OF_ORDER, r.seq(), r.id(), "row id " + r.id() + " is at seq " + r.seq() + " but was sealed as seq "
                + sealedSeq + (sealedAfter == null ? ", first" : ", after row id " + sealedAfter.id()) + ": the rows were reordered");
    }

    private void checkWriter(AuditRow r) {
        boolean ok = r.rowMac() == null ? r.id() <= head.legacyMaxId()
                : r.occurredAtMillis() != null
                && r.rowMac().equals(mac.row(r.occurredAtMillis(), r.actor(), r.action(), r.encounterId(), r.taskId(), r.detail()));
        if (!ok) {
            add(Kind.FORGED, r.seq(), r.id(), "row id " + r.id() + (r.rowMac() == null ? " has no writer's MAC" : "'s writer's MAC does not match it")
                    + ": written or changed without the key" + (r.seq() == null ? "" : " before it was sealed"));
        }
    }

    private void add(Kind kind, Long seq, Long id, String message) {
        if (!full()) problems.add(new ChainProblem(kind, seq, id, message));
    }

    private boolean full() {
        return problems.size() >= maxProblems;
    }
}
