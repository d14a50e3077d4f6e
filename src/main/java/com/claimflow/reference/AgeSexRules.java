package com.claimflow.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** What a code's rule says about the patient: an AGE or SEX conflict, or SEX_UNKNOWN (a sex-specific code, sex "U"). */
    public record Conflict(Kind kind, String message) {
        public enum Kind { AGE, SEX, SEX_UNKNOWN }
    }

    /**
     * The conflicts of a code with the patient (Medicare Code Editor edit 4, age conflict, and edit 5, sex conflict),
     * empty when none. {@code sex} M or F is checked; U (unknown) against a sex-specific code is SEX_UNKNOWN, not a
     * conflict; null skips the sex half, and a negative {@code age} the age half.
     */
    public List<Conflict> conflicts(CodeSystem system, String code, String sex, int age) {
        if (code == null) return List.of();
        String c = ReferenceService.normalizeIcd(code);
        String s = sex == null ? null : sex.trim().toUpperCase(Locale.ROOT);
        List<Conflict> found = new ArrayList<>();
        for (Rule r : rules()) {
            if (!r.covers(system.name(), c)) continue;
            if (r.sex() != null && s != null) {
                String wanted = r.sex().equals("F") ? "female" : "male";
                if (s.equals("M") || s.equals("F")) {
                    if (!r.sex().equals(s)) {
                        found.add(new Conflict(Conflict.Kind.SEX, code + " is for " + wanted + " patients, the patient is "
                                + (s.equals("F") ? "female" : "male") + ": " + r.reason()));
                    }
                } else {
                    found.add(new Conflict(Conflict.Kind.SEX_UNKNOWN, "Sex unknown — cannot check: the patient's sex is recorded as " + s + " and " + code + " is for "
                            + wanted + " patients: " + r.reason()));
                }
            }
            if (age >= 0 && ((r.minAge() != null && age < r.minAge()) || (r.maxAge() != null && age > r.maxAge()))) {
                found.add(new Conflict(Conflict.Kind.AGE, code + " does not fit a patient aged " + age + ": " + r.reason()));
            }
            if (!found.isEmpty()) return found;
        }
        return found;
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
