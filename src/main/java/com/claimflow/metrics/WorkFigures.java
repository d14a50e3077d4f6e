package com.claimflow.metrics;

import com.claimflow.metrics.FigureValues.Point;
import java.util.List;
import org.springframework.stereotype.Component;

/** Placeholder until the work queue's completed-task history is merged. */
@Component
class WorkFigures {
    List<Point> productivity(Period period) {
        return List.of();
    }

    List<Point> slaCompliance(Period period) {
        return List.of();
    }

    List<FigureRow> rows(Figure figure, Period period, String series, String label) {
        return List.of();
    }
}
