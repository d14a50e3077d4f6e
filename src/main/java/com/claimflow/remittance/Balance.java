package com.claimflow.remittance;

import java.math.BigDecimal;

/** What insurance and the patient still owe on an encounter. */
public record Balance(BigDecimal insurance, BigDecimal patient) {
    public BigDecimal total() {
        return insurance.add(patient);
    }

    public boolean isZero() {
        return insurance.signum() == 0 && patient.signum() == 0;
    }
}
