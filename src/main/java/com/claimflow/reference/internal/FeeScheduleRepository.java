package com.claimflow.reference.internal;

import com.claimflow.reference.FeeScheduleEntry;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FeeScheduleRepository extends JpaRepository<FeeScheduleEntry, Long> {
    List<FeeScheduleEntry> findByPayerIdAndCode(String payerId, String code);
}
