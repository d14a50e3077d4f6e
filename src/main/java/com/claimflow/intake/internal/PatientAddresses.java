package com.claimflow.intake.internal;

import com.claimflow.intake.EncounterRequest.Address;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The patient_address table: one mailing address per encounter, as intake received it. */
@Repository
public class PatientAddresses {
    private final JdbcTemplate jdbc;

    public PatientAddresses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the address, its lines trimmed and a blank second line left out, and answers it as stored. */
    public Address keep(long encounterId, Address a) {
        Address kept = new Address(a.line1().strip(), a.line2() == null || a.line2().isBlank() ? null : a.line2().strip(), a.city().strip(),
                a.state(), a.postalCode());
        jdbc.update("insert into patient_address (encounter_id, line1, line2, city, state, postal_code) values (?, ?, ?, ?, ?, ?)",
                encounterId, kept.line1(), kept.line2(), kept.city(), kept.state(), kept.postalCode());
        return kept;
    }

    public Optional<Address> of(long encounterId) {
        return jdbc.query("select line1, line2, city, state, postal_code from patient_address where encounter_id = ?",
                (rs, n) -> new Address(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), encounterId)
                .stream().findFirst();
    }

    /** The addresses of many encounters in one query (a page of the encounter list), by encounter id. */
    public Map<Long, Address> of(Collection<Long> encounterIds) {
        if (encounterIds.isEmpty()) return Map.of();
        Map<Long, Address> byEncounter = new HashMap<>();
        jdbc.query("select encounter_id, line1, line2, city, state, postal_code from patient_address where encounter_id in ("
                        + encounterIds.stream().map(id -> "?").collect(Collectors.joining(",")) + ")",
                rs -> {
                    byEncounter.put(rs.getLong(1), new Address(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                }, encounterIds.toArray());
        return byEncounter;
    }
}
