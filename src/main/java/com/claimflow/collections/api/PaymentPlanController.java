package com.claimflow.collections.api;

import com.claimflow.audit.AuditService;
import com.claimflow.base.NotFoundException;
import com.claimflow.collections.PaymentPlan;
import com.claimflow.collections.PaymentPlans;
import com.claimflow.identity.CurrentWorker;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A patient's payment plan: agreed by a biller (the patient called), read by anyone who may see the encounter. */
@RestController
@RequestMapping("/api/encounters/{id}/payment-plan")
public class PaymentPlanController {
    private final PaymentPlans plans;
    private final AuditService audit;
    private final CurrentWorker worker;

    public PaymentPlanController(PaymentPlans plans, AuditService audit, CurrentWorker worker) {
        this.plans = plans;
        this.audit = audit;
        this.worker = worker;
    }

    /** {@code monthlyAmount}: dollars and cents, at most the patient's balance; {@code firstDueDate}: today to 60 days ahead. */
    public record Terms(BigDecimal monthlyAmount, LocalDate firstDueDate) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('BILLERS','LEADS')")
    public ResponseEntity<PaymentPlan> agree(@PathVariable long id, @RequestBody Terms terms) {
        PaymentPlan plan = plans.agree(id, terms.monthlyAmount(), terms.firstDueDate(), worker.get().userId());
        audit.record(worker.get().userId(), "AGREED_PAYMENT_PLAN", id, null, "api " + plan.monthlyAmount() + " a month from " + plan.firstDue());
        return ResponseEntity.created(URI.create("/api/encounters/" + id + "/payment-plan")).body(plan);
    }

    @GetMapping
    public PaymentPlan current(@PathVariable long id) {
        audit.record(worker.get().userId(), AuditService.VIEWED_ENCOUNTER, id, null, "api payment plan");
        return plans.current(id).orElseThrow(() -> new NotFoundException("encounter " + id + " has no payment plan"));
    }
}
