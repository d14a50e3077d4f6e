package com.claimflow.reference;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What the payer file says beyond the {@link Payer} record: whether the payer requires the provider taxonomy on the
 * claim and its appeal windows. Held in memory, refreshed every minute and after a payer import.
 */
@Service
public class PayerRules {
    private static final long REFRESH_MILLIS = 60_000;

    public record Terms(String payerId, boolean taxonomyRequired, Integer appealDaysLevel1, Integer appealDaysLevel2) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();
    private volatile Map<String, Terms> terms;
    private volatile long loadedAt;

    public PayerRules(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Optional<Terms> of(String payerId) {
        if (payerId == null) return Optional.empty();
        Map<String, Terms> t = terms;
        if (t == null || clock.millis() - loadedAt > REFRESH_MILLIS) {
            t = jdbc.query("SELECT id, taxonomy_required, appeal_days_level1, appeal_days_level2 FROM payer", (rs, n) ->
                    new Terms(rs.getString(1), rs.getBoolean(2), (Integer) rs.getObject(3, Integer.class), (Integer) rs.getObject(4, Integer.class)))
                    .stream().collect(Collectors.toMap(Terms::payerId, x -> x));
            terms = t;
            loadedAt = clock.millis();
        }
        return Optional.ofNullable(t.get(payerId));
    }

    public boolean requiresTaxonomy(String payerId) {
        return of(payerId).map(Terms::taxonomyRequired).orElse(false);
    }

    public void reload() {
        terms = null;
    }
}
