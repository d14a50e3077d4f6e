package com.claimflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterRequest;
import com.claimflow.submission.OutboxMessage;
import com.claimflow.submission.x12.Claim837Validator;
import com.claimflow.support.SubmissionTestBase;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The demo's synthetic encounters are accepted by intake and their claims go out as valid 837s. */
class DemoEncountersTest extends SubmissionTestBase {

    private String sent(EncounterRequest request) {
        Encounter e = encounters.open(request);
        driver.runJobs();
        driver.code(e.id(), DemoDataLoader.CODINGS[0][0], DemoDataLoader.CODINGS[0][1]);
        var claim = claims.latestFor(e.id()).orElseThrow();
        OutboxMessage m = submissions.messagesFor(claim.id()).get(0);
        assertThat(Claim837Validator.validate(m.getPayload())).as(m.getPayload()).isEmpty();
        return m.getPayload();
    }

    @Test
    void hospitalVisitsGoOutAs837IWithRealUb04DataAndReferralsNameTheReferringPhysician() {
        Random random = new Random(7);
        EncounterRequest outpatientReferred = DemoDataLoader.request(15, random);
        EncounterRequest inpatient = DemoDataLoader.request(9, random);
        EncounterRequest clinicReferred = DemoDataLoader.request(10, random);
        assertThat(outpatientReferred.claimType()).isEqualTo("INSTITUTIONAL");
        assertThat(inpatient.institutional().admittedAt()).isNotNull();
        assertThat(clinicReferred.claimType()).isEqualTo("PROFESSIONAL");

        assertThat(sent(outpatientReferred)).contains("*005010X223A2~").contains(":A:1**A*Y*Y~").contains("CL1*3*2*01~")
                .contains("SV2*0510*HC:99213*").contains("SV2*0300*HC:36415*").contains("SV2*0301*HC:80053*")
                .contains("NM1*DN*1*").contains("N4*SPRINGFIELD*IL*627024410~").doesNotContain("DTP*435");
        assertThat(sent(inpatient)).contains("11:A:1**A*Y*Y~").contains("DTP*435*DT*").contains("CL1*1*1*01~").contains("SV2*0120*HC:99213*");
        assertThat(sent(clinicReferred)).contains("*005010X222A1~").contains("NM1*DN*1*").contains("N4*SPRINGFIELD*IL*627011234~");
    }
}
