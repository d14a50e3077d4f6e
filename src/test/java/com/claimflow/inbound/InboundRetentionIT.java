package com.claimflow.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.audit.AuditService;
import com.claimflow.support.ApiTestBase;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Retention of inbound texts on the real database: a practice that sets a retention period loses the texts received
 * before it, chunk by chunk, and keeps every row (who sent what, when, what became of it); a text received since, a
 * message never kept (too large) and a batch file still opening are left alone; each pass that removed anything says so
 * in the audit trail; without a period nothing is removed.
 */
class InboundRetentionIT extends ApiTestBase {
    @Autowired InboundMessages messages;
    @Autowired InboundMessageViews views;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired AuditService audit;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    // the pass runs "a year from now", so only the messages this test ages past the period are old enough
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(365, ChronoUnit.DAYS); // MySQL: sendFractionalSeconds=false

    private InboundRetention retention(Duration keep, int chunk) {
        return new InboundRetention(jdbc, transactions, audit, new RetentionSettings(keep, chunk), Optional.of(Clock.fixed(now, ZoneOffset.UTC)));
    }

    /** A refused FHIR message received {@code daysBefore} days before the pass. */
    private long message(String text, int daysBefore) {
        long id = messages.store(new Received(Channel.FHIR, null, "fhir:" + run, "application/fhir+json", text), Outcome.REFUSED, null, "R-" + run,
                "Bundle.entry[0]", "no Patient");
        return aged(id, daysBefore);
    }

    /** An HL7 message that opened (or added charges to) encounter {@code encounterId}, received {@code daysBefore} days before the pass. */
    private long messageOf(long encounterId, int daysBefore) {
        long id = messages.store(new Received(Channel.HL7V2, null, "hl7:EHR^" + run, "application/hl7-v2", "MSH|^~\\&|EHR|" + run), Outcome.OPENED,
                encounterId, "V-" + encounterId, null, null);
        return aged(id, daysBefore);
    }

    private long aged(long id, int daysBefore) {
        jdbc.update("UPDATE inbound_message SET received_at = ? WHERE id = ?", Timestamp.from(now.minus(daysBefore, ChronoUnit.DAYS)), id);
        return id;
    }

    private String body(long id) {
        return jdbc.queryForObject("SELECT body FROM inbound_message WHERE id = ?", String.class, id);
    }

    @Test
    void textsPastThePeriodGoChunkByChunkTheirRowsStayAndTheAuditTrailSaysSo() {
        // everything the shared database holds from other tests is "a year old" for this pass: take it first
        retention(Duration.ofDays(30), 500).removeOld();
        List<Long> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) old.add(message("{\"resourceType\":\"Bundle\",\"n\":" + i + "}", 40));
        long recent = message("{\"resourceType\":\"Bundle\",\"recent\":true}", 10);
        long neverKept = message(null, 40); // too large to keep: it has no text to remove

        InboundRetention.Removed removed = retention(Duration.ofDays(30), 2).removeOld();

        assertThat(removed.messages()).isEqualTo(5);
        for (long id : old) {
            assertThat(body(id)).isNull();
            InboundMessageViews.Shown shown = views.show(id, "compliance-" + run, "test");
            assertThat(shown.body()).isNull();
            assertThat(shown.message().bodyRemovedAt()).isEqualTo(now);
            // the row stays: who sent it, what became of it, why it was refused
            assertThat(shown.message().sender()).isEqualTo("fhir:" + run);
            assertThat(shown.message().outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(shown.message().problem()).isEqualTo("no Patient");
            assertThat(shown.message().bodyBytes()).isPositive();
        }
        assertThat(body(recent)).contains("\"recent\":true");
        assertThat(messages.find(recent).orElseThrow().bodyRemovedAt()).isNull();
        assertThat(messages.find(neverKept).orElseThrow().bodyRemovedAt()).as("a text never kept was not removed").isNull();
        assertThat(audit.latest()).anySatisfy(a -> {
            assertThat(a.getActor()).isEqualTo("retention");
            assertThat(a.getAction()).isEqualTo(InboundRetention.REMOVED_TEXTS);
            assertThat(a.getDetail()).startsWith("5 message text(s) and 0 batch file(s) received before " + now.minus(30, ChronoUnit.DAYS))
                    .endsWith("(claimflow.intake.retention.keep-bodies PT720H)");
        });

        // the next pass finds nothing and says nothing
        long audited = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ?", Long.class, InboundRetention.REMOVED_TEXTS);
        assertThat(retention(Duration.ofDays(30), 2).removeOld()).isEqualTo(new InboundRetention.Removed(0, 0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ?", Long.class, InboundRetention.REMOVED_TEXTS)).isEqualTo(audited);
    }

    @Test
    void eachEncounterWhoseMessageLostItsTextSaysSoInItsOwnAuditTrail() {
        retention(Duration.ofDays(30), 500).removeOld();
        // encounter ids of this test alone: the column names the encounter, the audit trail is read by it
        long base = 900_000_000L + Math.abs(run.hashCode() % 1_000_000) * 10L;
        long twice = base + 1, once = base + 2, recent = base + 3;
        messageOf(twice, 40);
        messageOf(twice, 35);
        messageOf(once, 50);
        messageOf(recent, 5);

        assertThat(retention(Duration.ofDays(30), 500).removeOld().messages()).isEqualTo(3);

        for (long encounter : List.of(twice, once)) {
            assertThat(audit.forEncounter(encounter)).as("encounter %d's trail", encounter).singleElement().satisfies(a -> {
                assertThat(a.getActor()).isEqualTo("retention");
                assertThat(a.getAction()).isEqualTo(InboundRetention.REMOVED_TEXT);
                assertThat(a.getDetail()).isEqualTo("the text of its inbound message(s) received before " + now.minus(30, ChronoUnit.DAYS)
                        + " removed (claimflow.intake.retention.keep-bodies PT720H); each message's row stays");
            });
        }
        assertThat(audit.forEncounter(recent)).as("its text is kept").isEmpty();
    }

    @Test
    void aFinishedBatchFileLosesItsTextAndOneStillOpeningKeepsIt() {
        retention(Duration.ofDays(30), 500).removeOld();
        long done = batch("DONE", 40);
        long refused = batch("REFUSED", 45);
        long running = batch("RUNNING", 40);
        long young = batch("DONE", 5);

        assertThat(retention(Duration.ofDays(30), 1).removeOld().batchFiles()).as("one a transaction").isEqualTo(2);

        for (long gone : List.of(done, refused)) {
            assertThat(batchBody(gone)).isEmpty();
            assertThat(jdbc.queryForObject("SELECT body_removed_at FROM inbound_batch WHERE id = ?", Timestamp.class, gone)).isEqualTo(Timestamp.from(now));
        }
        assertThat(batchBody(running)).as("a node taking the batch over reads its file").startsWith("external_id");
        assertThat(batchBody(young)).startsWith("external_id");
    }

    @Test
    void withoutAPeriodNothingIsRemoved() {
        long old = message("{\"resourceType\":\"Bundle\"}", 4000);
        assertThat(retention(null, 500).removeOld()).isEqualTo(new InboundRetention.Removed(0, 0));
        assertThat(retention(Duration.ZERO, 500).removeOld()).isEqualTo(new InboundRetention.Removed(0, 0));
        assertThat(body(old)).isEqualTo("{\"resourceType\":\"Bundle\"}");
    }

    @Test
    void aNegativePeriodOrChunkIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new RetentionSettings(Duration.ofDays(-1), 500)).hasMessageContaining("claimflow.intake.retention.keep-bodies");
        assertThatThrownBy(() -> new RetentionSettings(Duration.ofDays(1), 0)).hasMessageContaining("claimflow.intake.retention.chunk");
    }

    private long batch(String status, int daysBefore) {
        Timestamp at = Timestamp.from(now.minus(daysBefore, ChronoUnit.DAYS));
        jdbc.update("INSERT INTO inbound_batch (file_name, format, uploaded_by, uploaded_at, body, body_bytes, total_rows, status, heartbeat_at) "
                + "VALUES (?, 'CSV', ?, ?, ?, 30, 1, ?, ?)", run + ".csv", "bella", at, "external_id,first_name\nX-" + run + ",Robin\n", status, at);
        return jdbc.queryForObject("SELECT MAX(id) FROM inbound_batch WHERE file_name = ?", Long.class, run + ".csv");
    }

    private String batchBody(long id) {
        return jdbc.queryForObject("SELECT body FROM inbound_batch WHERE id = ?", String.class, id);
    }
}
