package com.claimflow.reference.internal;

import com.claimflow.reference.Payer;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PayerRepository extends JpaRepository<Payer, String> {
}
