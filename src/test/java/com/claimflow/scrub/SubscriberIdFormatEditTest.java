package com.claimflow.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.reference.Mbi;
import com.claimflow.reference.Payer;
import com.claimflow.reference.ReferenceService;
import com.claimflow.reference.ReferenceTestContext;
import com.claimflow.scrub.edits.SubscriberIdFormatEdit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A Medicare payer whose subscriber id pattern is the full MBI expression (CMS MBI format, example 1EG4-TE5-MK73). */
class SubscriberIdFormatEditTest extends ReferenceTestContext {
    @Autowired SubscriberIdFormatEdit edit;
    @Autowired ReferenceService reference;

    private List<String> run(String memberId) {
        ClaimSnapshot c = TestClaim.professional().payer("MCRB", memberId).line("99213", 1).build();
        return edit.check(new ScrubSubject(c, reference.payer("MCRB").orElseThrow(), reference, LocalDate.now())).stream()
                .map(f -> f.editId() + "@" + f.location()).toList();
    }

    @Test
    void memberIdsAreCheckedAgainstTheMbiExpression() {
        reference.savePayer(new Payer("MCRB", "Medicare Part B", "PROFESSIONAL", 365, Mbi.PATTERN));
        assertThat(reference.payer("MCRB").orElseThrow().subscriberIdPattern()).isEqualTo(Mbi.PATTERN);
        assertThat(run("1EG4TE5MK73")).isEmpty();
        assertThat(run("9AA0AA0AA00")).isEmpty();
        for (String invalid : List.of("1EG4-TE5-MK73", "0EG4TE5MK73", "1SG4TE5MK73", "1EG4TE5MK7", "1EG4TE5MKZ3", "XYZ123456789")) {
            assertThat(run(invalid)).as(invalid).containsExactly("SUBSCRIBER_ID_FORMAT@subscriber.memberId");
        }
    }
}
