package com.claimflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;

/** The demo's SLA policy shrinks the table's durations so a first start shows warnings and escalations within minutes. */
class SlaPolicyScaleTest {
    private final RepositoryService repository = mock(RepositoryService.class);

    @Test
    void productionKeepsTheTablesDurationsAsWritten() {
        assertThat(new SlaPolicy(repository, 1).scaled("P2D")).isEqualTo("P2D");
    }

    @Test
    void theDemoScaleTurnsDaysIntoMinutesAndNeverGoesBelowHalfAMinute() {
        SlaPolicy demo = new SlaPolicy(repository, 0.002);
        assertThat(demo.scaled("P1D")).isEqualTo("PT2M53S");
        assertThat(demo.scaled("P3D")).isEqualTo("PT8M38S");
        assertThat(demo.scaled("PT4H")).isEqualTo("PT30S");
        assertThat(demo.scaled("P1M")).as("a calendar duration is left as it is").isEqualTo("P1M");
    }

    @Test
    void aScaleThatWouldStretchOrStopTheTimersIsRefusedAtStart() {
        assertThatThrownBy(() -> new SlaPolicy(repository, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time-scale");
        assertThatThrownBy(() -> new SlaPolicy(repository, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
