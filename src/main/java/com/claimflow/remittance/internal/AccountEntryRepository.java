package com.claimflow.remittance.internal;

import com.claimflow.remittance.AccountEntry;
import com.claimflow.remittance.Balance;
import java.math.BigDecimal;
import java.util.List;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AccountEntryRepository extends JpaRepository<AccountEntry, Long> {
    List<AccountEntry> findByEncounterIdOrderById(Long encounterId);

    /** Locks the encounter's account rows until the transaction ends: a change that depends on the balance reads it after this. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from AccountEntry e where e.encounterId = :encounterId")
    List<AccountEntry> lockAccount(Long encounterId);

    /** Both sides of the balance in one read (each posting asks for it: issue #17). */
    @Query("select new com.claimflow.remittance.Balance(coalesce(sum(e.amount), 0), coalesce(sum(e.patientAmount), 0)) "
            + "from AccountEntry e where e.encounterId = :encounterId")
    Balance balance(Long encounterId);

    @Query("select coalesce(sum(e.amount), 0) from AccountEntry e where e.encounterId = :encounterId and e.type = com.claimflow.remittance.AccountEntry.Type.CHARGE")
    BigDecimal charged(Long encounterId);
}
