package com.claimflow.metrics.api;

import com.claimflow.metrics.DashboardMetrics;
import com.claimflow.metrics.Figure;
import com.claimflow.metrics.FigureRow;
import com.claimflow.metrics.FigureValues;
import com.claimflow.metrics.Period;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's figures as JSON for leads, compliance and admins: {@code from} and {@code to} are dates of service
 * (ISO, both included, at most two years; default the last 90 days), {@code payer} one payer's id or empty for all,
 * {@code days} the DNFB age (3, 7 or 14). Parameters are read as text so a bad one is a 400 naming it.
 */
@RestController
@RequestMapping("/api/metrics")
@PreAuthorize("hasAnyRole('LEADS','COMPLIANCE','ADMINS')")
public class MetricsController {
    private final DashboardMetrics metrics;

    public MetricsController(DashboardMetrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/{figure}")
    public FigureValues figure(@PathVariable String figure, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String payer, @RequestParam(required = false) String days) {
        Figure f = Figure.of("figure", figure);
        Period period = metrics.period(from, to, payer);
        return metrics.values(f, period, DashboardMetrics.dnfbDays(days(days)));
    }

    /** The rows behind the figure, or behind one of its points ({@code series} and {@code label} as the point gives them). */
    @GetMapping("/{figure}/rows")
    public List<FigureRow> rows(@PathVariable String figure, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String payer, @RequestParam(required = false) String days,
                                @RequestParam(required = false) String series, @RequestParam(required = false) String label) {
        Figure f = Figure.of("figure", figure);
        Period period = metrics.period(from, to, payer);
        return metrics.rows(f, period, DashboardMetrics.dnfbDays(days(days)), series, label);
    }

    private static Integer days(String days) {
        if (days == null || days.isBlank()) return null;
        try {
            return Integer.valueOf(days.trim());
        } catch (NumberFormatException e) {
            throw new com.claimflow.base.BadInputException("days", "'" + days + "' is not a number; choose 3, 7 or 14");
        }
    }
}
