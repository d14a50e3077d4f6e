package com.claimflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stage the encounter list and page show is named for the step of the main model the encounter is in. */
class StageTest {
    @Test
    void theExitsAndTheCreditBalanceReadAsStagesNotAsElementIds() {
        assertThat(Stage.ofActivity("CloseByLead")).isEqualTo("CLOSING");
        assertThat(Stage.ofActivity("CloseEncounterAccount")).isEqualTo("CLOSING");
        assertThat(Stage.ofActivity("WriteOffUnfiledClaim")).isEqualTo("CLOSING");
        assertThat(Stage.ofActivity("CreditBalance")).isEqualTo("CREDIT_BALANCE");
        assertThat(Stage.ofActivity("CreateReplacementClaim")).isEqualTo("CLAIM");
    }
}
