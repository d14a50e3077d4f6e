package com.claimflow.intake.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.demo.DemoReferenceData;
import com.claimflow.intake.CoverageOnFile;
import com.claimflow.intake.Encounter;
import com.claimflow.support.ui.KaribuTestBase;
import com.vaadin.flow.component.button.Button;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The front desk's New encounter page: a patient with address and phone on a spouse's primary plan and their own
 * secondary opens the encounter with both coverages in payer order; a spouse without a birth date is refused at that
 * field and nothing opens; coders and compliance do not get the page.
 */
class NewEncounterViewTest extends KaribuTestBase {

    private NewEncounterView fillPatient() {
        login(uniqueUser("biller"), "billers");
        navigate(NewEncounterView.class);
        NewEncounterView v = _get(NewEncounterView.class);
        v.firstName.setValue("Robin");
        v.lastName.setValue("Frontdesk");
        v.birthDate.setValue(LocalDate.of(1980, 2, 29));
        v.sex.setValue("F");
        v.phone.setValue("6145550123");
        v.line1.setValue("12 Elm St");
        v.city.setValue("Columbus");
        v.state.setValue("OH");
        v.zip.setValue("43215");
        v.dateOfService.setValue(LocalDate.now().minusDays(1));
        v.billingNpi.setValue(DemoReferenceData.CLINIC_NPI);
        v.renderingNpi.setValue(DemoReferenceData.DR_ADAMS_NPI);
        v.primary.payer.setValue("BCBS");
        v.primary.memberId.setValue("XYZ123456789");
        v.primary.group.setValue("88001");
        v.primary.relationship.setValue("01");
        v.primary.subscriberFirst.setValue("Sam");
        v.primary.subscriberLast.setValue("Frontdesk");
        v.primary.subscriberSex.setValue("M");
        v.secondary.payer.setValue("AETNA");
        v.secondary.memberId.setValue("W123456789");
        return v;
    }

    @Test
    void aBillerOpensAnEncounterWithASpousesPrimaryAndTheirOwnSecondary() {
        NewEncounterView v = fillPatient();
        v.primary.subscriberBirth.setValue(LocalDate.of(1978, 7, 4));
        String externalId = v.externalId.getValue();
        _click(_get(Button.class, s -> s.withId("open-encounter")));

        Encounter e = encounters.search(externalId, org.springframework.data.domain.PageRequest.of(0, 1)).get(0);
        assertThat(e.patientPhone()).isEqualTo("6145550123");
        assertThat(e.patientAddress().city()).isEqualTo("Columbus");
        assertThat(e.coverages()).extracting(CoverageOnFile::order, CoverageOnFile::payerId, CoverageOnFile::relationship)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "BCBS", "01"), org.assertj.core.groups.Tuple.tuple(2, "AETNA", "18"));
        assertThat(e.coverage(1).orElseThrow().subscriber().firstName()).isEqualTo("Sam");
        assertThat(currentPath()).isEqualTo("encounter/" + e.id());
    }

    @Test
    void aSpouseWithoutABirthDateIsRefusedAtThatFieldAndNothingOpens() {
        NewEncounterView v = fillPatient();
        long before = encounters.count();
        _click(_get(Button.class, s -> s.withId("open-encounter")));
        assertThat(v.primary.subscriberBirth.isInvalid()).isTrue();
        assertThat(v.primary.subscriberBirth.getErrorMessage()).contains("required when the subscriber is not the patient");
        assertThat(encounters.count()).isEqualTo(before);
    }

    @Test
    void leadsAndAdminsGetThePageToo() {
        login(uniqueUser("lead"), "leads");
        navigate(NewEncounterView.class);
        assertThat(_get(NewEncounterView.class).primary.payer.getListDataView().getItems()).contains("BCBS", "AETNA", "MCARE");
        login(uniqueUser("admin"), "admins");
        navigate(NewEncounterView.class);
        _get(NewEncounterView.class);
    }

    @Test
    void codersAndComplianceDoNotGetThePage() {
        login(uniqueUser("coder"), "coders");
        navigate(NewEncounterView.class);
        _assertNone(NewEncounterView.class);
        login(uniqueUser("compliance"), "compliance");
        navigate(NewEncounterView.class);
        _assertNone(NewEncounterView.class);
    }
}
