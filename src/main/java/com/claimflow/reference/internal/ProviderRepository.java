package com.claimflow.reference.internal;

import com.claimflow.reference.Provider;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProviderRepository extends JpaRepository<Provider, String> {
}
