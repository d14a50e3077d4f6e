package com.claimflow.intake.internal;

import com.claimflow.intake.CoverageOnFile;
import com.claimflow.intake.EncounterRequest.Address;
import com.claimflow.intake.Subscriber;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The encounter_coverage table: an encounter's coverages in payer order, with the subscriber when it is not the patient. */
@Repository
public class EncounterCoverages {
    private static final String COLUMNS = "encounter_id, coverage_order, payer_id, member_id, group_number, relationship, subscriber_last_name,"
            + " subscriber_first_name, subscriber_birth_date, subscriber_sex, subscriber_member_id, subscriber_line1, subscriber_line2,"
            + " subscriber_city, subscriber_state, subscriber_postal";

    private final JdbcTemplate jdbc;

    public EncounterCoverages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void keep(long encounterId, CoverageOnFile c) {
        Subscriber s = c.subscriber();
        Address a = s == null ? null : s.address();
        jdbc.update("insert into encounter_coverage (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                encounterId, c.order(), c.payerId(), c.memberId(), c.groupNumber(), c.relationship(),
                s == null ? null : s.lastName(), s == null ? null : s.firstName(), s == null || s.birthDate() == null ? null : Date.valueOf(s.birthDate()),
                s == null ? null : s.sex(), s == null ? null : s.memberId(), a == null ? null : a.line1(), a == null ? null : a.line2(),
                a == null ? null : a.city(), a == null ? null : a.state(), a == null ? null : a.postalCode());
    }

    /** The primary's member id changed (a biller corrected it on the eligibility task). */
    public void primaryMemberIdCorrected(long encounterId, String memberId) {
        jdbc.update("update encounter_coverage set member_id = ? where encounter_id = ? and coverage_order = 1", memberId, encounterId);
    }

    public List<CoverageOnFile> of(long encounterId) {
        return jdbc.query("select " + COLUMNS + " from encounter_coverage where encounter_id = ? order by coverage_order",
                (rs, n) -> coverage(rs), encounterId);
    }

    /** The coverages of many encounters in one query (a page of the encounter list), by encounter id. */
    public Map<Long, List<CoverageOnFile>> of(Collection<Long> encounterIds) {
        if (encounterIds.isEmpty()) return Map.of();
        String marks = encounterIds.stream().map(id -> "?").collect(Collectors.joining(","));
        Map<Long, List<CoverageOnFile>> byEncounter = new TreeMap<>();
        jdbc.query("select " + COLUMNS + " from encounter_coverage where encounter_id in (" + marks + ") order by encounter_id, coverage_order",
                rs -> {
                    byEncounter.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(coverage(rs));
                }, encounterIds.toArray());
        return byEncounter;
    }

    private static CoverageOnFile coverage(ResultSet rs) throws SQLException {
        String relationship = rs.getString(6);
        Subscriber subscriber = null;
        if (!CoverageOnFile.SELF.equals(relationship)) {
            Date born = rs.getDate(9);
            Address address = rs.getString(12) == null ? null
                    : new Address(rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16));
            subscriber = new Subscriber(rs.getString(7), rs.getString(8), born == null ? null : born.toLocalDate(), rs.getString(10), address,
                    rs.getString(11));
        }
        return new CoverageOnFile(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), relationship, subscriber);
    }
}
