package com.claimflow.coding;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/** The random draw the coding-audit-sampling DMN compares with its sampling rate; a bean so tests can fix it. */
@Component
public class AuditSampling {
    public double draw() {
        return ThreadLocalRandom.current().nextDouble();
    }
}
