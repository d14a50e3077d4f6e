package com.claimflow.remittance.api;

import com.claimflow.remittance.InsuranceReceivables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Insurance A/R by payer and age: {@code GET /api/receivables/insurance[?payerId=]}. */
@RestController
public class ReceivablesController {
    private final InsuranceReceivables receivables;

    public ReceivablesController(InsuranceReceivables receivables) {
        this.receivables = receivables;
    }

    @GetMapping("/api/receivables/insurance")
    @PreAuthorize("hasAnyRole('BILLERS','LEADS','COMPLIANCE','ADMINS')")
    public Map<String, Object> insurance(@RequestParam(required = false) String payerId) {
        Instant now = Instant.now();
        List<InsuranceReceivables.PayerAging> payers = receivables.byPayer(now, payerId);
        return Map.of("asOf", now.toString(), "buckets", InsuranceReceivables.BUCKETS, "payers", payers);
    }

    /** The claims behind the figures, oldest first, with the encounter to open. */
    @GetMapping("/api/receivables/insurance/claims")
    @PreAuthorize("hasAnyRole('BILLERS','LEADS','COMPLIANCE','ADMINS')")
    public List<InsuranceReceivables.ClaimOut> claims(@RequestParam(required = false) String payerId) {
        return receivables.claimsOut(Instant.now(), payerId);
    }
}
