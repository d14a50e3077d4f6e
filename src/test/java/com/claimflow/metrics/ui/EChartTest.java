package com.claimflow.metrics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.metrics.FigureValues;
import com.claimflow.metrics.FigureValues.Point;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A figure's points as the chart draws them. */
class EChartTest {

    @Test
    void aPointWithNoValueIsAGapInItsSeriesNotAnError() {
        // a worker with no working day has no tasks per day: nothing to divide by (the dashboard failed to open on it)
        FigureValues values = new FigureValues("productivity", "Productivity per worker", "tasks", "definition", null, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31), null, Instant.EPOCH, BigDecimal.TEN,
                List.of(new Point("tasks per working day", "carla", null, BigDecimal.ZERO, BigDecimal.ZERO),
                        new Point("tasks per working day", "chen", new BigDecimal("4.5"), null, null)));
        EChart chart = new EChart("chart-productivity", (series, label) -> { });

        chart.show(values, false, false);

        assertThat(chart.option()).contains("\"data\":[null,4.5]");
    }
}
