package com.claimflow.metrics;

import com.claimflow.base.BadInputException;
import com.claimflow.metrics.FigureValues.Point;
import com.claimflow.metrics.internal.MetricsRefresh;
import com.claimflow.metrics.internal.MetricsStore;
import com.claimflow.metrics.internal.MetricsStore.PayerSums;
import com.claimflow.metrics.internal.MetricsStore.RowFilter;
import com.claimflow.reference.ReferenceService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures and the rows behind each, for a period of dates of service and optionally one payer. Revenue
 * figures read the rollups that {@link MetricsRefresh} keeps (so they are as of its last run, {@link #asOf()});
 * productivity and SLA compliance read the work queue's completed-task history ({@link WorkFigures}).
 */
@Service
public class DashboardMetrics {
    /** The DNFB ages a person may pick; the figure's default is the middle one. */
    public static final Set<Integer> DNFB_DAYS = Set.of(3, 7, 14);
    public static final int DEFAULT_DNFB_DAYS = 7;
    /** Rows shown behind a figure: enough to act on, few enough for one screen and one fast query. */
    public static final int ROW_LIMIT = 500;

    public static final String BY_PAYER = "by payer";
    public static final String ALL = "all";
    public static final String BY_CARC_GROUP = "by CARC group";
    public static final List<String> CARC_GROUPS = List.of("CO", "PR", "OA", "PI", "CR");

    /** A/R age buckets in days from the date of service: label, youngest age, oldest age (null: no limit). */
    public record AgeBucket(String label, int fromDays, Integer toDays) {
    }

    public static final List<AgeBucket> AGE_BUCKETS = List.of(new AgeBucket("0-30", 0, 30), new AgeBucket("31-60", 31, 60),
            new AgeBucket("61-90", 61, 90), new AgeBucket("91-120", 91, 120), new AgeBucket("120+", 121, null));

    private final MetricsStore store;
    private final MetricsRefresh refresh;
    private final WorkFigures work;
    private final ReferenceService reference;
    private final Clock clock;

    @Autowired
    public DashboardMetrics(MetricsStore store, MetricsRefresh refresh, WorkFigures work, ReferenceService reference) {
        this(store, refresh, work, reference, Clock.systemUTC());
    }

    DashboardMetrics(MetricsStore store, MetricsRefresh refresh, WorkFigures work, ReferenceService reference, Clock clock) {
        this.store = store;
        this.refresh = refresh;
        this.work = work;
        this.reference = reference;
        this.clock = clock;
    }

    /** Today in UTC, the day ages and DNFB count from. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** Reads a period from request parameters; an unknown payer names {@code payer}. */
    public Period period(String from, String to, String payer) {
        Period p = Period.parse(from, to, payer, today());
        if (p.payer() != null && reference.payer(p.payer()).isEmpty()) {
            throw new BadInputException("payer", "unknown payer '" + p.payer() + "'; leave it empty for all payers");
        }
        return p;
    }

    /** The DNFB age in days, null meaning the default; anything but 3, 7 or 14 names {@code days}. */
    public static int dnfbDays(Integer days) {
        if (days == null) return DEFAULT_DNFB_DAYS;
        if (!DNFB_DAYS.contains(days)) throw new BadInputException("days", days + " is not offered; choose 3, 7 or 14");
        return days;
    }

    /** When the rollups were last brought up to date (null before their first run). */
    public Instant asOf() {
        return refresh.refreshedAt();
    }

    /** Brings the rollups up to date now instead of at the next scheduled run; returns the encounters recomputed. */
    public long refresh() {
        return refresh.refreshAll();
    }

    public List<String> payers() {
        return reference.payers().stream().map(com.claimflow.reference.Payer::id).sorted().toList();
    }

    @Transactional(readOnly = true)
    public FigureValues values(Figure figure, Period period, int dnfbDays) {
        return switch (figure) {
            case AR_DAYS -> arDays(period);
            case AR_AGING -> aging(period);
            case CLEAN_CLAIM_RATE -> rate(figure, period, PayerSums::cleanFirst, PayerSums::scrubbed);
            case FIRST_PASS_ACCEPTANCE -> rate(figure, period, PayerSums::acceptedFirst, PayerSums::answeredFirst);
            case DENIAL_RATE -> denials(period);
            case DNFB -> dnfb(period, dnfbDays);
            case NET_COLLECTION_RATE -> netCollection(period);
            case PRODUCTIVITY -> {
                List<Point> points = work.productivity(period);
                long tasks = points.stream().filter(p -> WorkFigures.PER_DAY.equals(p.series())).mapToLong(p -> p.numerator().longValue()).sum();
                yield values(figure, period, BigDecimal.valueOf(tasks), points);
            }
            case SLA_COMPLIANCE -> {
                List<Point> points = work.slaCompliance(period);
                long done = 0, clean = 0;
                for (Point p : points) {
                    done += p.denominator().longValue();
                    clean += p.numerator().longValue();
                }
                yield values(figure, period, percent(clean, done), points);
            }
        };
    }

    /**
     * The rows behind a figure, or behind one point of it: {@code series} and {@code label} as the point gives them
     * (e.g. "by payer" and "BCBS", "31-60" and "AETNA", "by CARC group" and "CO"), both null for the whole figure.
     */
    @Transactional(readOnly = true)
    public List<FigureRow> rows(Figure figure, Period period, int dnfbDays, String series, String label) {
        if (figure == Figure.PRODUCTIVITY || figure == Figure.SLA_COMPLIANCE) return work.rows(figure, period, series, label);
        Period p = period;
        String only = null;
        boolean byPayer = label != null && !ALL.equals(label) && !(BY_CARC_GROUP.equals(series));
        if (byPayer) p = new Period(period.from(), period.to(), label);
        if (BY_CARC_GROUP.equals(series)) only = label;
        List<Object> none = List.of();
        RowFilter filter = switch (figure) {
            case AR_DAYS -> new RowFilter("open_ar <> 0", none, "'open A/R'", "open_ar");
            case AR_AGING -> {
                AgeBucket bucket = AGE_BUCKETS.stream().filter(b -> b.label().equals(series)).findFirst().orElse(null);
                if (bucket == null) yield new RowFilter("open_ar <> 0", none, "'open A/R'", "open_ar");
                LocalDate youngest = today().minusDays(bucket.fromDays());
                List<Object> args = new ArrayList<>(List.of(Date.valueOf(youngest)));
                String cond = "open_ar <> 0 and date_of_service <= ?";
                if (bucket.toDays() != null) {
                    cond += " and date_of_service >= ?";
                    args.add(Date.valueOf(today().minusDays(bucket.toDays())));
                }
                yield new RowFilter(cond, args, "'aged " + bucket.label() + " days'", "open_ar");
            }
            case CLEAN_CLAIM_RATE -> new RowFilter("scrubbed = 1", none,
                    "case when clean_first = 1 then 'first scrub clean' else 'first scrub found edits' end", "claim_charge");
            case FIRST_PASS_ACCEPTANCE -> new RowFilter("answered_first = 1", none,
                    "case when accepted_first = 1 then 'accepted on the first 837' else 'rejected or sent again' end", "claim_charge");
            case DENIAL_RATE -> only != null
                    ? new RowFilter("denial_group = ?", List.of(only), "concat('denied ', denial_group)", "claim_charge")
                    : new RowFilter("adjudicated = 1", none,
                    "case when denial_group is null then 'paid on the first remittance' else concat('denied ', denial_group) end", "claim_charge");
            case DNFB -> new RowFilter("unbilled = 1 and date_of_service <= ?", List.of(Date.valueOf(today().minusDays(dnfbDays))),
                    "'no 837 sent'", "claim_charge");
            case NET_COLLECTION_RATE -> new RowFilter("gross_charges > 0", none,
                    "concat('charges ', gross_charges, ', contractual ', contractual)", "payments");
            default -> throw new IllegalStateException(figure.name());
        };
        return store.rows(p, filter, ROW_LIMIT);
    }

    private FigureValues arDays(Period period) {
        List<PayerSums> sums = store.sums(period.from(), period.to(), period.payer());
        List<Point> points = new ArrayList<>();
        for (PayerSums s : sums) points.add(arDays(BY_PAYER, s.payer(), s.openAr(), s.billedCharge(), period));
        BigDecimal ar = sum(sums, PayerSums::openAr), charges = sum(sums, PayerSums::billedCharge);
        Point total = arDays(ALL, ALL, ar, charges, period);
        return values(Figure.AR_DAYS, period, total.value(), points);
    }

    /** Open A/R over the average charge billed per day of the period. */
    private static Point arDays(String series, String label, BigDecimal ar, BigDecimal charges, Period period) {
        BigDecimal perDay = charges.divide(BigDecimal.valueOf(period.days()), 6, RoundingMode.HALF_UP);
        BigDecimal days = perDay.signum() == 0 ? null : ar.divide(perDay, 1, RoundingMode.HALF_UP);
        return new Point(series, label, days, ar, perDay.setScale(2, RoundingMode.HALF_UP));
    }

    private FigureValues aging(Period period) {
        List<Point> points = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO, over90 = BigDecimal.ZERO;
        LocalDate today = today();
        for (AgeBucket b : AGE_BUCKETS) {
            LocalDate youngest = today.minusDays(b.fromDays());
            LocalDate oldest = b.toDays() == null ? period.from() : today.minusDays(b.toDays());
            LocalDate from = oldest.isAfter(period.from()) ? oldest : period.from();
            LocalDate to = youngest.isBefore(period.to()) ? youngest : period.to();
            for (PayerSums s : store.sums(from, to, period.payer())) {
                if (s.openAr().signum() == 0) continue;
                points.add(new Point(b.label(), s.payer(), s.openAr(), null, null));
                total = total.add(s.openAr());
                if (b.fromDays() > 90) over90 = over90.add(s.openAr());
            }
        }
        // the headline is the share of open A/R older than 90 days
        return values(Figure.AR_AGING, period, total.signum() == 0 ? null : over90.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP),
                points);
    }

    private FigureValues rate(Figure figure, Period period, ToLongFunction<PayerSums> numerator, ToLongFunction<PayerSums> denominator) {
        List<PayerSums> sums = store.sums(period.from(), period.to(), period.payer());
        List<Point> points = new ArrayList<>();
        long n = 0, d = 0;
        for (PayerSums s : sums) {
            points.add(ratio(BY_PAYER, s.payer(), numerator.applyAsLong(s), denominator.applyAsLong(s)));
            n += numerator.applyAsLong(s);
            d += denominator.applyAsLong(s);
        }
        return values(figure, period, percent(n, d), points);
    }

    private FigureValues denials(Period period) {
        List<PayerSums> sums = store.sums(period.from(), period.to(), period.payer());
        long adjudicated = sums.stream().mapToLong(PayerSums::adjudicated).sum();
        List<Point> points = new ArrayList<>();
        List<ToLongFunction<PayerSums>> groups = List.of(PayerSums::deniedCo, PayerSums::deniedPr, PayerSums::deniedOa, PayerSums::deniedPi,
                PayerSums::deniedCr);
        for (int i = 0; i < CARC_GROUPS.size(); i++) {
            ToLongFunction<PayerSums> group = groups.get(i);
            points.add(ratio(BY_CARC_GROUP, CARC_GROUPS.get(i), sums.stream().mapToLong(group).sum(), adjudicated));
        }
        for (PayerSums s : sums) points.add(ratio(BY_PAYER, s.payer(), s.denied(), s.adjudicated()));
        return values(Figure.DENIAL_RATE, period, percent(sums.stream().mapToLong(PayerSums::denied).sum(), adjudicated), points);
    }

    private FigureValues dnfb(Period period, int days) {
        LocalDate cutoff = today().minusDays(days);
        List<PayerSums> sums = store.sums(period.from(), cutoff.isBefore(period.to()) ? cutoff : period.to(), period.payer());
        List<Point> points = new ArrayList<>();
        for (PayerSums s : sums) points.add(new Point(BY_PAYER, s.payer(), BigDecimal.valueOf(s.unbilled()), s.unbilledCharge(), null));
        return values(Figure.DNFB, period, BigDecimal.valueOf(sums.stream().mapToLong(PayerSums::unbilled).sum()), points);
    }

    private FigureValues netCollection(Period period) {
        List<PayerSums> sums = store.sums(period.from(), period.to(), period.payer());
        List<Point> points = new ArrayList<>();
        for (PayerSums s : sums) points.add(money(BY_PAYER, s.payer(), s.payments(), s.grossCharges().subtract(s.contractual())));
        Point all = money(ALL, ALL, sum(sums, PayerSums::payments), sum(sums, PayerSums::grossCharges).subtract(sum(sums, PayerSums::contractual)));
        return values(Figure.NET_COLLECTION_RATE, period, all.value(), points);
    }

    private FigureValues values(Figure figure, Period period, BigDecimal headline, List<Point> points) {
        return new FigureValues(figure.id(), figure.title(), figure.unit(), figure.definition(), figure.mapKey(), period.from(), period.to(),
                period.payer(), asOf(), headline, points);
    }

    static BigDecimal percent(long numerator, long denominator) {
        return denominator == 0 ? null : BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }

    static Point ratio(String series, String label, long numerator, long denominator) {
        return new Point(series, label, percent(numerator, denominator), BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    private static Point money(String series, String label, BigDecimal numerator, BigDecimal denominator) {
        BigDecimal value = denominator.signum() == 0 ? null : numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 1, RoundingMode.HALF_UP);
        return new Point(series, label, value, numerator, denominator);
    }

    private static BigDecimal sum(List<PayerSums> sums, Function<PayerSums, BigDecimal> f) {
        return sums.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
