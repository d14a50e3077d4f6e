package com.claimflow.submission.internal;

import com.claimflow.submission.OutboxMessage;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {
    Optional<OutboxMessage> findFirstByClaimIdAndClaimVersionOrderByAttemptDesc(Long claimId, int claimVersion);

    List<OutboxMessage> findByStatusOrderById(OutboxMessage.Status status, Pageable page);

    List<OutboxMessage> findByClaimIdOrderById(Long claimId);
}
