package com.claimflow.reference.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FeeScheduleRepository extends JpaRepository<FeeScheduleEntryEntity, Long> {
    List<FeeScheduleEntryEntity> findByPayerIdAndCode(String payerId, String code);
}
