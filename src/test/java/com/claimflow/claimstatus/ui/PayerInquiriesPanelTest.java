package com.claimflow.claimstatus.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.claimstatus.ClaimStatusInquiries;
import com.claimflow.coding.AuditSampling;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import com.claimflow.eligibility.EligibilityCheck;
import com.claimflow.eligibility.EligibilityInquiries;
import com.claimflow.eligibility.EligibilityInquiry;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterRequest;
import com.claimflow.intake.EncounterService;
import com.claimflow.intake.Subscriber;
import com.claimflow.support.Encounters;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The encounter page's Payer inquiries tab: what was asked and what the payer said. A 270 for a patient whose primary
 * coverage is a spouse's asks for the spouse (2100C) with the patient as dependent (2100D, X279A1), and the tab names
 * the file, the trace number and that the 271 is awaited.
 */
@SpringBootTest
@ActiveProfiles("test")
class PayerInquiriesPanelTest {
    @Autowired EncounterService encounters;
    @Autowired EligibilityInquiries eligibility;
    @Autowired ClaimStatusInquiries claimStatus;
    @Autowired DemoReferenceData reference;
    @Autowired DemoUsers users;
    @MockitoBean AuditSampling sampling;

    @BeforeEach
    void setUp() {
        reference.load();
        users.load();
    }

    @Test
    void theTabShowsTheInquirySentForTheSpouseWithThePatientAsDependent() {
        Encounter e = encounters.open(Encounters.visit().livingAt("12 Elm St", "Springfield", "IL", "62704").coverages(
                new EncounterRequest.Insurance(1, "BCBS", "XYZ555666777", "88001", "01",
                        new Subscriber("Example", "Sam", LocalDate.of(1978, 7, 4), "M", null, "XYZ555666777"))).request());
        EligibilityInquiry asked = eligibility.inquiryFor(encounters.get(e.id()));
        assertThat(asked.subscriberFirstName()).isEqualTo("Sam");
        assertThat(asked.memberId()).isEqualTo("XYZ555666777");
        assertThat(asked.dependent()).isNotNull();
        assertThat(asked.dependent().relationship()).isEqualTo("01");

        EligibilityCheck sent = eligibility.send(e.id(), e.processInstanceId(), asked);
        String text = new PayerInquiriesPanel(eligibility, claimStatus, e.id()).getElement().getTextRecursively();
        assertThat(text).contains("Eligibility (270/271)").contains(sent.fileName()).contains("trace " + sent.traceNumber())
                .contains("waiting for the 271").contains("BCBS · XYZ555666777").contains("No claim status inquiry sent.");
    }

    @Test
    void anEncounterNeverAskedAboutSaysSo() {
        Encounter e = encounters.open(Encounters.visit().request());
        String text = new PayerInquiriesPanel(eligibility, claimStatus, e.id()).getElement().getTextRecursively();
        assertThat(text).contains("No eligibility inquiry sent.").contains("No claim status inquiry sent.");
    }
}
