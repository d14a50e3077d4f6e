package com.claimflow.intake.internal;

import jakarta.persistence.QueryHint;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

public interface EncounterRepository extends JpaRepository<EncounterEntity, Long> {
    String MATCHES = " where :like is null or e.id = :id or lower(e.externalId) like :like escape '!' or lower(e.payerId) like :like escape '!'"
            + " or lower(concat(e.patientLastName, ', ', e.patientFirstName)) like :like escape '!'";

    /**
     * The encounter with this external id. String queries here, so Hibernate keeps their plan (a derived query is a
     * criteria query, translated anew on every call), and without flushing first: an encounter's row is inserted when it
     * is saved (its id is the database's identity) and its external id never changes, so nothing unflushed could match.
     */
    @Query("select e from Encounter e where e.externalId = :externalId")
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    Optional<EncounterEntity> findByExternalId(@Param("externalId") String externalId);

    /** The id of the encounter with this external id, as {@link #findByExternalId}: intake asks it once a visit. */
    @Query("select e.id from Encounter e where e.externalId = :externalId")
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    Optional<Long> idOfExternalId(@Param("externalId") String externalId);

    /** Encounters whose id is {@code id}, or whose external id, payer or patient ("Last, First") contains the text ({@code like} null: all). */
    @Query("select e from Encounter e" + MATCHES)
    List<EncounterEntity> search(@Param("like") String like, @Param("id") long id, Pageable page);

    @Query("select count(e) from Encounter e" + MATCHES)
    long countMatching(@Param("like") String like, @Param("id") long id);
}
