package com.claimflow.reference;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Sex- and age-specific codes from the maintained {@code age_sex_rule} table (maternity, newborn, prostate, ...):
 * whether a code suits a patient of a sex and an age on the date of service. The table is small and held in memory;
 * {@link #reload()} after changing it.
 */
@Service
public class AgeSexRules {

    /** One row: codes from {@code from} to {@code to} (compared on each bound's length) for a sex and an age range. */
    public record Rule(String codeSystem, String from, String to, String sex, Integer minAge, Integer maxAge, String reason) {
        boolean covers(String system, String code) {
            if (!codeSystem.equals(system)) return false;
            String low = code.length() >= from.length() ? code.substring(0, from.length()) : code;
            String high = code.length() >= to.length() ? code.substring(0, to.length()) : code;
            return low.compareTo(from) >= 0 && high.compareTo(to) <= 0 && code.length() >= Math.min(from.length(), to.length());
        }
    }

    private final JdbcTemplate jdbc;
    private volatile List<Rule> rules;

    public AgeSexRules(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * The conflict of a code with the patient, or empty when none (or when sex / age is unknown: {@code sex} null or
     * {@code age} negative skip that half of the check).
     */
    public Optional<String> conflict(CodeSystem system, String code, String sex, int age) {
        if (code == null) return Optional.empty();
        String c = ReferenceService.normalizeIcd(code);
        String s = sex == null ? null : sex.trim().toUpperCase(Locale.ROOT);
        for (Rule r : rules()) {
            if (!r.covers(system.name(), c)) continue;
            if (r.sex() != null && s != null && (s.equals("M") || s.equals("F")) && !r.sex().equals(s)) {
                return Optional.of(code + " is for " + (r.sex().equals("F") ? "female" : "male") + " patients, the patient is "
                        + (s.equals("F") ? "female" : "male") + ": " + r.reason());
            }
            if (age >= 0 && ((r.minAge() != null && age < r.minAge()) || (r.maxAge() != null && age > r.maxAge()))) {
                return Optional.of(code + " does not fit a patient aged " + age + ": " + r.reason());
            }
        }
        return Optional.empty();
    }

    public List<Rule> rules() {
        List<Rule> r = rules;
        if (r == null) {
            r = jdbc.query("SELECT code_system, code_from, code_to, sex, min_age, max_age, reason FROM age_sex_rule ORDER BY id",
                    (rs, n) -> new Rule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            (Integer) rs.getObject(5, Integer.class), (Integer) rs.getObject(6, Integer.class), rs.getString(7)));
            rules = r;
        }
        return r;
    }

    public void reload() {
        rules = null;
    }
}
