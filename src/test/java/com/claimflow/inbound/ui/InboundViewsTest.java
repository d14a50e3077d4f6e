package com.claimflow.inbound.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.claimflow.audit.AuditService;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.inbound.Channel;
import com.claimflow.inbound.InboundIntake;
import com.claimflow.inbound.InboundMessageViews;
import com.claimflow.inbound.IncomingEncounter;
import com.claimflow.inbound.Outcome;
import com.claimflow.inbound.Receipt;
import com.claimflow.inbound.Received;
import com.claimflow.overview.EncounterFile;
import com.claimflow.support.Encounters;
import com.claimflow.support.ui.KaribuTestBase;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Batch intake page and the encounter page's message: a biller's CSV opens its good rows and lists the refused one
 * with line and column; a file with a wrong header is refused whole; compliance reads batches without the upload and
 * coders do not get the page; the encounter's timeline shows the message it came by, as received, and the look is
 * audited; once the retention period removed its text, the page says so.
 */
class InboundViewsTest extends KaribuTestBase {
    private static final String HEADER = "external_id,first_name,last_name,birth_date,sex,date_of_service,place_of_service,billing_npi,payer_id,member_id";

    @Autowired InboundIntake intake;
    @Autowired AuditService audit;
    @Autowired JdbcTemplate jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String row(String id, String payer) {
        return String.join(",", "U-" + run + "-" + id, "Robin", "Upload", "1980-02-29", "F", LocalDate.now().minusDays(1).toString(), "11",
                DemoReferenceData.CLINIC_NPI, payer, "XYZ123456789");
    }

    @Test
    void aBillersCsvOpensItsGoodRowsAndListsTheRefusedOneWithLineAndColumn() {
        login(uniqueUser("biller"), "billers");
        navigate(BatchUploadView.class);
        BatchUploadView view = _get(BatchUploadView.class);
        _get(Upload.class, s -> s.withId("batch-upload"));

        view.submit("front-desk.csv", (HEADER + "\n" + row("1", "BCBS") + "\n" + row("2", "NOPE") + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(_get(com.vaadin.flow.component.progressbar.ProgressBar.class, s -> s.withId("batch-progress")).isVisible()).isTrue();
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
            view.refresh();
            return !com.github.mvysny.kaributesting.v10.LocatorJ._find(Paragraph.class, s -> s.withId("batch-summary")).isEmpty();
        });
        assertThat(_get(Paragraph.class, s -> s.withId("batch-summary")).getText())
                .isEqualTo("front-desk.csv: 1 encounter(s) opened, 0 already there, 1 refused.");
        @SuppressWarnings("unchecked")
        Grid<Receipt> refused = _get(Grid.class, s -> s.withId("batch-refused-rows"));
        assertThat(rows(refused)).singleElement().satisfies(r -> {
            assertThat(r.externalId()).isEqualTo("U-" + run + "-2");
            assertThat(r.problemField()).isEqualTo("front-desk.csv line 3 column payer_id");
            assertThat(r.problem()).isEqualTo("unknown payer 'NOPE'");
        });
        assertThat(encounters.findByExternalId("U-" + run + "-1")).isPresent();
        assertThat(encounters.findByExternalId("U-" + run + "-2")).isEmpty();
    }

    @Test
    void aFileWithAWrongHeaderIsRefusedWholeOnThePage() {
        login(uniqueUser("lead"), "leads");
        navigate(BatchUploadView.class);
        BatchUploadView view = _get(BatchUploadView.class);
        view.submit("typo.csv", (HEADER.replace("member_id", "memberid") + "\n" + row("1", "BCBS") + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(_get(Paragraph.class, s -> s.withId("batch-refused")).getText())
                .contains("typo.csv was refused, nothing opened").contains("line 1 column 10").contains("'memberid' is not a column");
        assertThat(encounters.findByExternalId("U-" + run + "-1")).isEmpty();

        view.submit("latin1.csv", new byte[] { 'e', 'x', (byte) 0xE9 });
        assertThat(notifications()).anySatisfy(n -> assertThat(n).contains("latin1.csv is not UTF-8 text"));
    }

    @Test
    void complianceReadsBatchesWithoutTheUploadAndCodersDoNotGetThePage() {
        login(uniqueUser("compliance"), "compliance");
        navigate(BatchUploadView.class);
        _get(BatchUploadView.class);
        _assertNone(Upload.class);
        _get(Grid.class, s -> s.withId("batch-history"));
        login(uniqueUser("coder"), "coders");
        navigate(BatchUploadView.class);
        _assertNone(BatchUploadView.class);
        login(uniqueUser("admin"), "admins");
        navigate(BatchUploadView.class);
        _get(Upload.class, s -> s.withId("batch-upload"));
    }

    @Test
    void theEncounterPageShowsTheMessageItCameByAsReceivedAndTheLookIsAudited() {
        String body = "MSH|^~\\&|EHR|CLINIC|CLAIMFLOW|BILLING|20261201120000||ADT^A04^ADT_A01|" + run + "|P|2.5.1\rPID|1||MRN1";
        Received r = new Received(Channel.HL7V2, "EHR^CLINIC|" + run, "hl7:EHR^CLINIC", "application/hl7-v2", body);
        Receipt opened = intake.open(r, new IncomingEncounter(Encounters.visit().externalId("M-" + run).request()));
        assertThat(opened.outcome()).isEqualTo(Outcome.OPENED);
        // the same message again: answered as before, on the timeline as a repeat
        assertThat(intake.open(r, new IncomingEncounter(Encounters.visit().externalId("M-" + run).request())).outcome()).isEqualTo(Outcome.DUPLICATE);

        String biller = uniqueUser("biller");
        login(biller, "billers");
        navigate("encounter/" + opened.encounterId());
        @SuppressWarnings("unchecked")
        Grid<EncounterFile.Event> timeline = _get(Grid.class, s -> s.withId("timeline"));
        List<EncounterFile.Event> messages = rows(timeline).stream().filter(e -> e.kind() == EncounterFile.Kind.MESSAGE).toList();
        assertThat(messages).extracting(EncounterFile.Event::title)
                .containsExactlyInAnyOrder("HL7 v2 message received: opened the encounter", "HL7 v2 message received: sent again: answered as before");
        assertThat(messages).allSatisfy(e -> assertThat(e.actor()).isEqualTo("hl7:EHR^CLINIC"));

        int row = rows(timeline).indexOf(messages.stream().filter(e -> opened.messageId() == e.messageId()).findFirst().orElseThrow());
        _click((Button) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(timeline, row, "message"));
        assertThat(_get(Pre.class, s -> s.withId("message-body")).getText()).isEqualTo(body.replace('\r', '\n'));
        assertThat(audit.forEncounter(opened.encounterId())).anySatisfy(a -> {
            assertThat(a.getActor()).isEqualTo(biller);
            assertThat(a.getAction()).isEqualTo(InboundMessageViews.VIEWED_MESSAGE);
        });
        _click(_get(Button.class, s -> s.withId("message-close")));

        // past the practice's retention period the text goes (InboundRetention); the page says so instead of showing nothing
        jdbc.update("UPDATE inbound_message SET body = NULL, body_removed_at = ? WHERE id = ?", Timestamp.from(Instant.now()),
                opened.messageId());
        navigate("encounter/" + opened.encounterId());
        @SuppressWarnings("unchecked")
        Grid<EncounterFile.Event> again = _get(Grid.class, s -> s.withId("timeline"));
        int removedRow = rows(again).indexOf(rows(again).stream().filter(e -> e.kind() == EncounterFile.Kind.MESSAGE && opened.messageId() == e.messageId())
                .findFirst().orElseThrow());
        _click((Button) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(again, removedRow, "message"));
        _assertNone(Pre.class, s -> s.withId("message-body"));
        assertThat(_get(Paragraph.class, s -> s.withId("message-removed")).getText()).contains(body.getBytes(StandardCharsets.UTF_8).length + " bytes")
                .contains("removed on").contains("retention period");
    }
}
