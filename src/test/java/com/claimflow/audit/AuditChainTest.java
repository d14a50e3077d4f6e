package com.claimflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.claimflow.audit.ChainProblem.Kind;
import com.claimflow.audit.internal.AuditMac;
import com.claimflow.audit.internal.AuditRow;
import com.claimflow.audit.internal.ChainHead;
import com.claimflow.audit.internal.ChainVerifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MAC chain and its verifier on rows in memory: each way of tampering is reported at the row where it happened. */
class AuditChainTest {
    static final String KEY = "a-test-key-of-at-least-thirty-two-characters";
    static final long T0 = 1_765_000_000_123L;
    final AuditMac mac = new AuditMac(KEY);

    /** Rows 1..n written by the application (ids 101..) and sealed in id order as the sealer does. */
    List<AuditRow> sealedChain(int n) {
        List<AuditRow> rows = new ArrayList<>();
        String previous = null;
        for (int i = 1; i <= n; i++) {
            AuditRow r = written(100 + i, T0 + i, "carla", "VIEWED_ENCOUNTER", (long) i, "task-" + i, "api");
            previous = mac.link(r, i, previous);
            rows.add(withSeq(r, (long) i, previous));
        }
        return rows;
    }

    AuditRow written(long id, long at, String actor, String action, Long encounterId, String taskId, String detail) {
        return new AuditRow(id, null, at, actor, action, encounterId, taskId, detail, mac.row(at, actor, action, encounterId, taskId, detail), null);
    }

    static AuditRow withSeq(AuditRow r, Long seq, String linkMac) {
        return new AuditRow(r.id(), seq, r.occurredAtMillis(), r.actor(), r.action(), r.encounterId(), r.taskId(), r.detail(), r.rowMac(), linkMac);
    }

    ChainHead headOf(List<AuditRow> chain, long legacyMaxId) {
        AuditRow last = chain.get(chain.size() - 1);
        return new ChainHead(last.seq(), last.mac(), legacyMaxId, mac.head(last.seq(), last.mac(), legacyMaxId));
    }

    List<ChainProblem> verify(List<AuditRow> rows, ChainHead head) {
        List<AuditRow> inSeqOrder = rows.stream().sorted(Comparator.comparing(AuditRow::seq).thenComparing(AuditRow::id)).toList();
        return new ChainVerifier(mac, head, 20).sealed(inSeqOrder.iterator()).problems();
    }

    @Test
    void anUntouchedChainVerifies() {
        List<AuditRow> chain = sealedChain(10);

        assertThat(verify(chain, headOf(chain, 0))).isEmpty();
    }

    @Test
    void anAlteredDetailIsReportedAtItsRowAndNoOther() {
        List<AuditRow> chain = sealedChain(10);
        ChainHead head = headOf(chain, 0);
        AuditRow r = chain.get(4);
        chain.set(4, new AuditRow(r.id(), r.seq(), r.occurredAtMillis(), r.actor(), r.action(), r.encounterId(), r.taskId(), "ui", r.rowMac(), r.mac()));

        assertThat(verify(chain, head)).extracting(ChainProblem::kind, ChainProblem::seq, ChainProblem::id).containsExactly(tuple(Kind.ALTERED, 5L, 105L));
    }

    @Test
    void anAlteredActorIsReportedAtItsRow() {
        List<AuditRow> chain = sealedChain(10);
        ChainHead head = headOf(chain, 0);
        AuditRow r = chain.get(2);
        chain.set(2, new AuditRow(r.id(), r.seq(), r.occurredAtMillis(), "chen", r.action(), r.encounterId(), r.taskId(), r.detail(), r.rowMac(), r.mac()));

        assertThat(verify(chain, head)).extracting(ChainProblem::kind, ChainProblem::id).containsExactly(tuple(Kind.ALTERED, 103L));
    }

    @Test
    void anAlteredTimeIsReportedEvenWithARecomputedRowMacButNoKey() {
        List<AuditRow> chain = sealedChain(5);
        ChainHead head = headOf(chain, 0);
        AuditRow r = chain.get(1);
        AuditMac guessed = new AuditMac(AuditSettings.DEMO_KEY);
        chain.set(1, new AuditRow(r.id(), r.seq(), r.occurredAtMillis() + 1, r.actor(), r.action(), r.encounterId(), r.taskId(), r.detail(),
                guessed.row(r.occurredAtMillis() + 1, r.actor(), r.action(), r.encounterId(), r.taskId(), r.detail()), r.mac()));

        assertThat(verify(chain, head).get(0)).extracting(ChainProblem::kind, ChainProblem::seq).containsExactly(Kind.ALTERED, 2L);
    }

    @Test
    void aDeletedRowIsReportedAsMissingBetweenItsNeighbours() {
        List<AuditRow> chain = sealedChain(10);
        ChainHead head = headOf(chain, 0);
        chain.remove(6); // seq 7, id 107

        List<ChainProblem> problems = verify(chain, head);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.MISSING);
            assertThat(p.seq()).isEqualTo(7L);
            assertThat(p.message()).contains("seq 7 missing between row id 106 and row id 108");
        });
    }

    @Test
    void rowsDeletedFromTheEndAreReportedAgainstTheHead() {
        List<AuditRow> chain = sealedChain(10);
        ChainHead head = headOf(chain, 0);
        chain.remove(9);
        chain.remove(8);

        assertThat(verify(chain, head)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.TRUNCATED);
            assertThat(p.message()).contains("seq 9 to 10 missing at the end");
        });
    }

    @Test
    void aHeadSetBackToHideDeletedRowsIsReported() {
        List<AuditRow> chain = sealedChain(10);
        chain.remove(9);
        AuditRow last = chain.get(8);
        ChainHead setBack = new ChainHead(last.seq(), last.mac(), 0, mac.head(10, "whatever", 0));

        assertThat(verify(chain, setBack)).extracting(ChainProblem::kind).containsExactly(Kind.HEAD_ALTERED);
    }

    @Test
    void aRowInsertedWithAForgedSeqIsReportedAsInserted() {
        List<AuditRow> chain = sealedChain(10);
        ChainHead head = headOf(chain, 0);
        // slipped in at seq 4, the rows from there renumbered one up to make room
        List<AuditRow> tampered = new ArrayList<>();
        for (AuditRow r : chain) tampered.add(r.seq() < 4 ? r : withSeq(r, r.seq() + 1, r.mac()));
        tampered.add(new AuditRow(999, 4L, T0, "chen", "VIEWED_ENCOUNTER", 7L, null, "api", "00", "00"));
        ChainHead movedOn = new ChainHead(11, chain.get(9).mac(), 0, head.headMac());

        List<ChainProblem> problems = verify(tampered, movedOn);

        assertThat(problems.get(0).kind()).isEqualTo(Kind.HEAD_ALTERED); // the head had to move on too, without the key
        assertThat(problems.get(1)).extracting(ChainProblem::kind, ChainProblem::seq, ChainProblem::id).containsExactly(Kind.INSERTED, 4L, 999L);
    }

    @Test
    void aRowInsertedBeyondTheHeadIsReported() {
        List<AuditRow> chain = sealedChain(5);
        ChainHead head = headOf(chain, 0);
        chain.add(new AuditRow(999, 6L, T0, "chen", "VIEWED_ENCOUNTER", 7L, null, "api", "00", "00"));

        assertThat(verify(chain, head)).extracting(ChainProblem::kind, ChainProblem::id).containsExactly(tuple(Kind.INSERTED, 999L));
    }

    @Test
    void reorderedRowsAreReportedOutOfOrderAtTheFirstMovedRow() {
        List<AuditRow> chain = sealedChain(10);
        ChainHead head = headOf(chain, 0);
        AuditRow five = chain.get(4);
        AuditRow six = chain.get(5);
        chain.set(4, withSeq(five, 6L, five.mac()));
        chain.set(5, withSeq(six, 5L, six.mac()));

        List<ChainProblem> problems = verify(chain, head);

        assertThat(problems.get(0)).satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.OUT_OF_ORDER);
            assertThat(p.id()).isEqualTo(106L);
            assertThat(p.message()).contains("row id 106 is at seq 5 but was sealed as seq 6, after row id 105");
        });
    }

    @Test
    void aRowWithoutTheWritersMacIsForgedUnlessWrittenBeforeTheChain() {
        List<AuditRow> rows = new ArrayList<>();
        String previous = null;
        for (int i = 1; i <= 4; i++) {
            // ids 1-2 predate V12 (legacy max id 2) and have no writer's MAC; 3 was slipped in by SQL before the sealer came by
            AuditRow r = i == 4 ? written(i, T0, "carla", "CLAIMED", 1L, null, null)
                    : new AuditRow(i, null, T0 + i, "carla", "CLAIMED", 1L, null, null, null, null);
            previous = mac.link(r, i, previous);
            rows.add(withSeq(r, (long) i, previous));
        }

        assertThat(verify(rows, headOf(rows, 2))).extracting(ChainProblem::kind, ChainProblem::id)
                .containsExactly(tuple(Kind.FORGED, 3L));
    }

    @Test
    void anUnsealedRowOlderThanTheBoundOrForgedIsReported() {
        AuditRow fresh = written(1, T0, "carla", "CLAIMED", 1L, null, null);
        AuditRow stale = written(2, T0 - 600_000, "carla", "CLAIMED", 1L, null, null);
        AuditRow forged = new AuditRow(3, null, T0, "carla", "CLAIMED", 1L, null, null, "ab", null);
        ChainVerifier v = new ChainVerifier(mac, new ChainHead(0, null, 0, null), 20)
                .unsealed(List.of(fresh, stale, forged).iterator(), Instant.ofEpochMilli(T0 - 300_000));

        assertThat(v.problems()).extracting(ChainProblem::kind, ChainProblem::id)
                .containsExactly(tuple(Kind.UNSEALED, 2L), tuple(Kind.FORGED, 3L));
        assertThat(v.unsealedRows()).isEqualTo(3);
        assertThat(v.oldestUnsealedAt()).isEqualTo(Instant.ofEpochMilli(T0 - 600_000));
    }

    @Test
    void aChainSealedWithAnotherKeyDoesNotVerify() {
        List<AuditRow> chain = sealedChain(3);
        ChainHead head = headOf(chain, 0);

        List<ChainProblem> problems = new ChainVerifier(new AuditMac(KEY + "x"), head, 20).sealed(chain.iterator()).problems();

        assertThat(problems.get(0).kind()).isEqualTo(Kind.HEAD_ALTERED);
        assertThat(problems).extracting(ChainProblem::kind).contains(Kind.ALTERED);
    }

    @Test
    void fieldsCannotBeShiftedFromOneToTheNext() {
        assertThat(mac.row(T0, "ab", "c", null, null, null)).isNotEqualTo(mac.row(T0, "a", "bc", null, null, null));
        assertThat(mac.row(T0, "a", null, null, "", null)).isNotEqualTo(mac.row(T0, "a", null, null, null, ""));
    }

    @Test
    void aShortKeyIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new AuditMac("too-short")).hasMessageContaining("claimflow.audit.key").hasMessageContaining("CLAIMFLOW_AUDIT_KEY");
    }
}
