package com.claimflow.audit.api;

import com.claimflow.audit.AuditService;
import com.claimflow.audit.ChainReport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit chain's check for compliance and admins: 200 with {@code ok} true, or false and the first broken row first. */
@RestController
public class AuditController {
    private final AuditService audit;

    public AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit/verify")
    @PreAuthorize("hasAnyRole('COMPLIANCE','ADMINS')")
    public ChainReport verify() {
        return audit.verify();
    }
}
