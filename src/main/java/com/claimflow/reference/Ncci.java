package com.claimflow.reference;

import com.claimflow.reference.internal.PtpTable;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The NCCI tables as the scrubber asks them: "is there a PTP edit between these two codes on this day, and what is its
 * modifier indicator" and "what is the MUE of this code on this day". Both tables are held in memory, loaded on first
 * use and reloaded after an NCCI import (and, on other nodes, within a minute of one), so a scrub asks no database.
 */
@Service
public class Ncci {
    public static final String PRACTITIONER = "PRACTITIONER";
    public static final String HOSPITAL = "HOSPITAL";
    public static final String FACILITY = "FACILITY";
    private static final long RECHECK_MILLIS = 60_000;

    /** A medically unlikely edit in force: the most units of {@code code} a day (or a line, when {@link #perLine()}). */
    public record MueLimit(String code, int value, String adjudicationIndicator, LocalDate validFrom) {
        /** Indicator 1 is a claim-line edit; 2 and 3 count all units of the code on the date of service. */
        public boolean perLine() {
            return adjudicationIndicator.startsWith("1");
        }
    }

    private record MueVersion(int value, String indicator, LocalDate from, LocalDate to) {
    }

    private record Snapshot(Map<String, PtpTable> ptp, Map<String, Map<String, MueVersion[]>> mue, long importMark) {
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private volatile long checkedAt;

    public Ncci(DataSource dataSource, Optional<Clock> clock) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The setting of the NCCI tables a claim type is edited with: PROFESSIONAL claims practitioner, INSTITUTIONAL hospital. */
    public static String ptpSetting(String claimType) {
        return "INSTITUTIONAL".equalsIgnoreCase(claimType) ? HOSPITAL : PRACTITIONER;
    }

    /**
     * The outpatient types of bill (facility type, type of bill digits 2-3) the hospital PTP and facility MUE edits apply to,
     * through the Integrated Outpatient Code Editor (I/OCE edits 20 and 40): hospital outpatient 13x, inpatient Part B 12x,
     * non-patient 14x, SNF Part B 22x/23x, ESRD 72x, ORF 74x, CORF 75x, CMHC 76x and CAH 85x. NCCI edits are not applied
     * to inpatient facility claims (11x and the other inpatient types).
     */
    private static final Set<String> OUTPATIENT_BILL_TYPES = Set.of("12", "13", "14", "22", "23", "72", "74", "75", "76", "85");

    /**
     * Whether the NCCI edits apply to a claim: every professional claim (practitioner edits); an institutional one when
     * its type of bill is an outpatient one (or not given, so it is edited rather than let through).
     */
    public static boolean appliesTo(String claimType, String facilityTypeCode) {
        if (!"INSTITUTIONAL".equalsIgnoreCase(claimType) || facilityTypeCode == null || facilityTypeCode.isBlank()) return true;
        return OUTPATIENT_BILL_TYPES.contains(facilityTypeCode.trim());
    }

    public static String mueSetting(String claimType) {
        return "INSTITUTIONAL".equalsIgnoreCase(claimType) ? FACILITY : PRACTITIONER;
    }

    /**
     * The modifier indicator of the PTP edit with {@code column1} as column 1 and {@code column2} as column 2 in force on
     * the day: {@code '0'} (never bypassed), {@code '1'} (bypassed by an NCCI-associated modifier), {@code '9'} (not
     * applicable), or empty when there is no edit.
     */
    public Optional<Character> ptpIndicator(String setting, String column1, String column2, LocalDate dateOfService) {
        PtpTable table = current().ptp().get(setting);
        char c = table == null ? 0 : table.indicatorOn(column1, column2, dateOfService);
        return c == 0 ? Optional.empty() : Optional.of(c);
    }

    public Optional<MueLimit> mue(String setting, String code, LocalDate dateOfService) {
        Map<String, MueVersion[]> bySetting = current().mue().get(setting);
        if (bySetting == null || code == null) return Optional.empty();
        MueVersion[] versions = bySetting.get(code.toUpperCase(Locale.ROOT));
        if (versions == null) return Optional.empty();
        for (MueVersion v : versions) {
            if (!dateOfService.isBefore(v.from()) && (v.to() == null || !dateOfService.isAfter(v.to()))) {
                return Optional.of(new MueLimit(code, v.value(), v.indicator(), v.from()));
            }
        }
        return Optional.empty();
    }

    public int ptpRows(String setting) {
        PtpTable t = current().ptp().get(setting);
        return t == null ? 0 : t.size();
    }

    /** Drops the in-memory tables; the next look-up loads them again. */
    public synchronized void reload() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        long now = clock.millis();
        if (s != null && now - checkedAt < RECHECK_MILLIS) return s;
        synchronized (this) {
            s = snapshot;
            long mark = importMark();
            if (s == null || s.importMark() != mark) {
                s = load(mark);
                snapshot = s;
            }
            checkedAt = now;
            return s;
        }
    }

    private long importMark() {
        Long mark = jdbc.queryForObject("SELECT MAX(id) FROM reference_import WHERE status = 'DONE' AND (kind LIKE 'NCCI%' OR kind LIKE 'MUE%')", Long.class);
        return mark == null ? 0 : mark;
    }

    private Snapshot load(long mark) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(isMySql() ? Integer.MIN_VALUE : 10_000);
        Map<String, PtpTable.Builder> builders = new HashMap<>();
        streaming.query("SELECT setting, column1, column2, effective_date, deletion_date, modifier_indicator FROM ncci_ptp", rs -> {
            java.sql.Date deleted = rs.getDate(5);
            builders.computeIfAbsent(rs.getString(1), k -> PtpTable.builder())
                    .add(rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), deleted == null ? null : deleted.toLocalDate(),
                            rs.getString(6).charAt(0));
        });
        Map<String, PtpTable> ptp = new HashMap<>();
        builders.forEach((setting, b) -> ptp.put(setting, b.build()));

        Map<String, Map<String, List<MueVersion>>> collected = new HashMap<>();
        streaming.query("SELECT setting, code, mue_value, adjudication_indicator, valid_from, valid_to FROM ncci_mue", rs -> {
            java.sql.Date to = rs.getDate(6);
            collected.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                    .computeIfAbsent(rs.getString(2), k -> new java.util.ArrayList<>())
                    .add(new MueVersion(rs.getInt(3), rs.getString(4), rs.getDate(5).toLocalDate(), to == null ? null : to.toLocalDate()));
        });
        Map<String, Map<String, MueVersion[]>> mue = new HashMap<>();
        collected.forEach((setting, codes) -> {
            Map<String, MueVersion[]> m = new HashMap<>(codes.size() * 2);
            codes.forEach((code, versions) -> m.put(code, versions.toArray(MueVersion[]::new)));
            mue.put(setting, m);
        });
        return new Snapshot(ptp, mue, mark);
    }

    private boolean isMySql() {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            String product = md.getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("mysql") || product.contains("mariadb");
        } catch (java.sql.SQLException e) {
            return false;
        }
    }
}
