package com.claimflow.reference;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * ICD-10-CM Excludes1 notes from the {@code icd10cm_excludes1} table (the excludes1 import): two conditions that cannot
 * occur together, so the codes are never reported together (ICD-10-CM Official Guidelines for Coding and Reporting,
 * section I.A.12.a). A row names a code or a category (a prefix, stored without the dot); the small table is held in
 * memory and reloaded after an import.
 */
@Service
public class Excludes1 {

    /** One note: {@code code} (or a code of its category) excludes {@code excludedCode} (or a code of that category). */
    public record Pair(String code, String excludedCode, String note) {
        boolean matches(String first, String second) {
            return first.startsWith(code) && second.startsWith(excludedCode);
        }
    }

    private final JdbcTemplate jdbc;
    private volatile List<Pair> pairs;

    public Excludes1(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The note that keeps the two diagnoses apart (in either order), or empty when they may be reported together. */
    public Optional<Pair> conflict(String diagnosis, String other) {
        if (diagnosis == null || other == null) return Optional.empty();
        String a = ReferenceService.normalizeIcd(diagnosis);
        String b = ReferenceService.normalizeIcd(other);
        for (Pair p : pairs()) {
            if (p.matches(a, b) || p.matches(b, a)) return Optional.of(p);
        }
        return Optional.empty();
    }

    public List<Pair> pairs() {
        List<Pair> p = pairs;
        if (p == null) {
            p = List.copyOf(jdbc.query("SELECT code, excluded_code, note FROM icd10cm_excludes1 ORDER BY code, excluded_code",
                    (rs, n) -> new Pair(rs.getString(1), rs.getString(2), rs.getString(3))));
            pairs = p;
        }
        return p;
    }

    public void reload() {
        pairs = null;
    }
}
