package com.claimflow.remittance.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.remittance.x12.Fixtures;
import com.claimflow.support.ui.KaribuTestBase;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A biller brings a payer's file in by hand and reads what it did, errors named by segment and element. */
class PayerFilesViewTest extends KaribuTestBase {
    @Autowired JdbcTemplate jdbc;

    private void upload(String fileName, String content) {
        UploadKt._upload(_get(Upload.class, s -> s.withId("payer-file-upload")), fileName, "text/plain", content.getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip();
    }

    /** The fixture with an interchange control number of its own, so no test's file is a repeat of another's. */
    private static String fresh(String text) {
        String isa13 = String.format("%09d", 300_000_000 + (System.nanoTime() % 600_000_000));
        return text.substring(0, 90) + isa13 + text.substring(99).replaceFirst("IEA\\*1\\*\\d{9}", "IEA*1*" + isa13);
    }

    @Test
    void anAcknowledgementIsTakenStoredAsReceivedAndCounted() {
        login(uniqueUser("biller"), "billers");
        navigate(PayerFilesView.class);

        upload("ack.999", fresh(Fixtures.text("999-accepted.x12")));

        assertThat(_get(H3.class, s -> s.withId("payer-file-status")).getText()).isEqualTo("ack.999: 999 taken");
        assertThat(_get(Paragraph.class, s -> s.withId("payer-file-counts")).getText()).contains("1 claims");
        assertThat(jdbc.queryForObject("select count(*) from edi_inbound_file where file_name = 'ack.999' and received_from = 'UI'", Integer.class))
                .isPositive();
    }

    @Test
    void aFileThatIsNotX12IsRefusedNamingTheSegmentAndNothingIsDone() {
        login(uniqueUser("biller"), "billers");
        navigate(PayerFilesView.class);

        upload("notes.txt", "this is not an interchange");

        assertThat(_get(H3.class, s -> s.withId("payer-file-status")).getText()).isEqualTo("notes.txt: refused as a whole: nothing done");
        assertThat(rows(_get(Grid.class, s -> s.withId("payer-file-errors")))).isNotEmpty();
        assertThat(notifications()).anyMatch(n -> n.contains("refused"));
    }
}
