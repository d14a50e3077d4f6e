package com.claimflow.overview;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.coding.CodingProcess;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.RemittanceAdvice;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.support.Encounters;
import com.claimflow.support.ProcessDriver;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An encounter with a history to show, through the real models: coded by carla with a note, its claim built, scrubbed,
 * sent as an 837 and accepted, then paid by the payer with a coinsurance share left for the patient (collections).
 */
@Component
public class EncounterStory {
    public static final String CODING_NOTE = "Coded from the synthetic visit note; level 3 supported.";
    /** 100.00 paid of the 118.75 charged (99213 + 36415 at BCBS), 10.00 contractual, 8.75 coinsurance for the patient. */
    public static final BigDecimal PATIENT_SHARE = new BigDecimal("8.75");

    private final EncounterService encounters;
    private final ClaimService claims;
    private final RemittanceService payer;
    private final ProcessDriver driver;

    public EncounterStory(EncounterService encounters, ClaimService claims, RemittanceService payer, ProcessDriver driver) {
        this.encounters = encounters;
        this.claims = claims;
        this.payer = payer;
        this.driver = driver;
    }

    /** Opens and codes the encounter; its claim is sent and waits for the payer's acknowledgement. */
    public long sent() {
        long id = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        driver.complete(id, CodingProcess.CODE_ENCOUNTER_TASK, "carla", "coders", Map.of("diagnosisCodes", "I10, E785",
                "procedureLines", "99213 1 1,2\n36415 1 1", CodingProcess.QUERY_PROVIDER, false, "note", CODING_NOTE));
        if (driver.openTaskTypes(id).contains(CodingProcess.AUDIT_CODING_TASK)) {
            driver.complete(id, CodingProcess.AUDIT_CODING_TASK, "cora", "compliance", Map.of(CodingProcess.AUDIT_PASSED, true));
        }
        return id;
    }

    /** {@link #sent()}, then accepted and paid with the patient's coinsurance left: the encounter waits in collections. */
    public long paidWithPatientShare() {
        long id = sent();
        Claim c = claims.latestFor(id).orElseThrow();
        payer.acknowledge(c.id(), true, "PCN-" + c.id(), null);
        driver.runJobs();
        payer.post(new RemittanceAdvice("ERA-" + c.id(), c.id(), "PCN-" + c.id(), new BigDecimal("100.00"), new BigDecimal("10.00"),
                PATIENT_SHARE, false, "CO", "45", null, "2",
                List.of(new RemittanceAdvice.Adjustment(null, null, "CO", "45", new BigDecimal("10.00"), null),
                        new RemittanceAdvice.Adjustment(1, "99213", "PR", "2", PATIENT_SHARE, null)),
                List.of(new RemittanceAdvice.Remark(null, "N130"))));
        driver.runJobs();
        return id;
    }
}
