package com.claimflow.support;

import com.claimflow.claim.ClaimService;
import com.claimflow.coding.AuditSampling;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import com.claimflow.intake.EncounterService;
import com.claimflow.submission.SubmissionService;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Encounters taken from intake to submission in the test database: demo users and reference data, no coding audit. */
@SpringBootTest
@ActiveProfiles("test")
public abstract class SubmissionTestBase {
    @Autowired protected EncounterService encounters;
    @Autowired protected ClaimService claims;
    @Autowired protected SubmissionService submissions;
    @Autowired protected ProcessDriver driver;
    @Autowired protected DemoReferenceData reference;
    @Autowired protected DemoUsers users;
    @MockitoBean protected AuditSampling sampling;

    @BeforeEach
    void loadReferenceDataAndSkipTheAudit() {
        Mockito.when(sampling.draw()).thenReturn(0.5);
        reference.load();
        users.load();
    }
}
