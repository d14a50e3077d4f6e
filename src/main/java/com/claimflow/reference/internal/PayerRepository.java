package com.claimflow.reference.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PayerRepository extends JpaRepository<PayerEntity, String> {
}
