package com.claimflow.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A figure's numbers for a period: the headline value and the points its chart draws (a series, e.g. "by payer", and a
 * label on the axis, e.g. "BCBS"), each with the numerator and denominator it is made of when it is a ratio.
 * {@code asOf} is when the rollups were last brought up to date.
 */
public record FigureValues(String figure, String title, String unit, String definition, String mapKey, LocalDate from, LocalDate to,
                           String payer, Instant asOf, BigDecimal headline, List<Point> points) {

    public record Point(String series, String label, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
    }
}
