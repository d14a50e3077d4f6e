package com.claimflow.remittance.internal;

import com.claimflow.remittance.PaymentPosting;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentPostingRepository extends JpaRepository<PaymentPosting, Long> {
    boolean existsBySourceRef(String sourceRef);

    List<PaymentPosting> findByClaimIdOrderById(Long claimId);
}
