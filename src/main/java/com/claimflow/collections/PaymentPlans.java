package com.claimflow.collections;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.base.NotFoundException;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.AccountEntry;
import com.claimflow.remittance.AccountService;
import com.claimflow.workqueue.Note;
import com.claimflow.workqueue.Notes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment plans: agreed on the encounter page or by API, each one a {@code payment-plan} process that checks every due
 * date (plus {@link #GRACE_DAYS}) whether the patient's payments since the agreement keep up with the installments due.
 */
@Service
@Transactional
public class PaymentPlans {
    /** Days after a due date before an installment counts as missed: a check in the post takes a few days. */
    public static final int GRACE_DAYS = 5;
    /** The latest first due date a plan may set, counted from today. */
    public static final int FIRST_DUE_WITHIN_DAYS = 60;

    private final JdbcTemplate jdbc;
    private final AccountService account;
    private final EncounterService encounters;
    private final RuntimeService runtime;
    private final Notes notes;
    private final Clock clock;

    public PaymentPlans(JdbcTemplate jdbc, AccountService account, EncounterService encounters, RuntimeService runtime, Notes notes,
                        Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.account = account;
        this.encounters = encounters;
        this.runtime = runtime;
        this.notes = notes;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Agrees a plan for the patient's balance and starts its process; one active plan per encounter. */
    public PaymentPlan agree(long encounterId, BigDecimal monthlyAmount, LocalDate firstDue, String by) {
        Encounter e = encounters.get(encounterId);
        BigDecimal monthly = AccountService.money("monthlyAmount", monthlyAmount);
        LocalDate today = LocalDate.now(clock);
        if (firstDue == null) throw new BadInputException("firstDueDate", "is required, e.g. " + today.plusDays(30));
        if (firstDue.isBefore(today) || firstDue.isAfter(today.plusDays(FIRST_DUE_WITHIN_DAYS))) {
            throw new BadInputException("firstDueDate", "must be between today (" + today + ") and " + FIRST_DUE_WITHIN_DAYS + " days ahead ("
                    + today.plusDays(FIRST_DUE_WITHIN_DAYS) + ")");
        }
        BigDecimal owed = account.balance(encounterId).patient();
        if (owed.signum() <= 0) throw new BadInputException("monthlyAmount", "the patient owes nothing on this encounter: no plan is needed");
        if (monthly.compareTo(owed) > 0) {
            throw new BadInputException("monthlyAmount", monthly + " is more than the patient's balance of " + owed.setScale(2, RoundingMode.HALF_UP)
                    + ": post a payment instead, or agree a smaller installment");
        }
        current(encounterId).filter(p -> p.status() == PaymentPlan.Status.ACTIVE).ifPresent(p -> {
            throw new ConflictException("encounter " + encounterId + " has an active payment plan (" + p.monthlyAmount() + " a month since "
                    + p.firstDue() + "): cancel it on its missed-installment task first", null);
        });
        Instant now = Instant.now(clock);
        jdbc.update("insert into payment_plan (encounter_id, monthly_amount, first_due, next_due, installments_due, missed, status, agreed_by, agreed_at) "
                + "values (?, ?, ?, ?, 0, 0, 'ACTIVE', ?, ?)", encounterId, monthly, firstDue, firstDue, by, Timestamp.from(now));
        PaymentPlan plan = current(encounterId).orElseThrow();
        notes.add(encounterId, null, null, Note.Kind.NOTE, by, "Payment plan agreed: " + monthly + " a month, first due " + firstDue
                + ", balance " + owed.setScale(2, RoundingMode.HALF_UP));
        runtime.startProcessInstanceByKey(PaymentPlanProcess.PROCESS, String.valueOf(encounterId), Map.of(
                PaymentPlanProcess.ENCOUNTER_ID, encounterId, PaymentPlanProcess.PAYER_ID, e.payerId(), PaymentPlanProcess.PLAN_ID, plan.id(),
                PaymentPlanProcess.INSTALLMENT_CHECK_AT, checkAt(firstDue)));
        return plan;
    }

    /**
     * Checks the installment due on the plan's next due date: the patient's payments since the agreement must reach one
     * monthly amount per installment due so far, or the balance be paid. Moves the next due date a month on.
     */
    public PaymentPlan.Check checkInstallment(long planId) {
        PaymentPlan plan = get(planId);
        if (plan.status() != PaymentPlan.Status.ACTIVE) return new PaymentPlan.Check(true, true, checkAt(plan.nextDue()));
        int due = plan.installmentsDue() + 1;
        BigDecimal paid = account.entries(plan.encounterId()).stream()
                .filter(x -> x.getType() == AccountEntry.Type.PATIENT_PAYMENT && !x.getPostedAt().isBefore(plan.agreedAt()))
                .map(x -> x.getPatientAmount().negate()).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean settled = account.balance(plan.encounterId()).patient().signum() <= 0;
        boolean keptUp = settled || paid.compareTo(plan.monthlyAmount().multiply(BigDecimal.valueOf(due))) >= 0;
        LocalDate next = plan.firstDue().plusMonths(due);
        jdbc.update("update payment_plan set installments_due = ?, missed = missed + ?, next_due = ?, status = ?, ended_at = ? where id = ?",
                due, keptUp ? 0 : 1, next, settled ? PaymentPlan.Status.PAID_OFF.name() : PaymentPlan.Status.ACTIVE.name(),
                settled ? Timestamp.from(Instant.now(clock)) : null, planId);
        return new PaymentPlan.Check(settled, keptUp, checkAt(next));
    }

    public void cancel(long planId, String by) {
        PaymentPlan plan = get(planId);
        jdbc.update("update payment_plan set status = 'CANCELLED', ended_at = ? where id = ? and status = 'ACTIVE'", Timestamp.from(Instant.now(clock)), planId);
        notes.add(plan.encounterId(), null, null, Note.Kind.NOTE, by, "Payment plan cancelled after " + (plan.missed()) + " missed installment(s)");
    }

    /** Whether the patient pays the encounter by an active plan: collections then keeps sending statements, never the agency. */
    @Transactional(readOnly = true)
    public boolean isActive(long encounterId) {
        return current(encounterId).filter(p -> p.status() == PaymentPlan.Status.ACTIVE).isPresent();
    }

    @Transactional(readOnly = true)
    public Optional<PaymentPlan> current(long encounterId) {
        return jdbc.query("select * from payment_plan where encounter_id = ? order by id desc", PaymentPlans::map, encounterId).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public PaymentPlan get(long planId) {
        return jdbc.query("select * from payment_plan where id = ?", PaymentPlans::map, planId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("no payment plan " + planId));
    }

    private static String checkAt(LocalDate due) {
        return due.plusDays(GRACE_DAYS).atStartOfDay().toString() + ":00";
    }

    private static PaymentPlan map(ResultSet rs, int n) throws SQLException {
        return new PaymentPlan(rs.getLong("id"), rs.getLong("encounter_id"), rs.getBigDecimal("monthly_amount"),
                rs.getDate("first_due").toLocalDate(), rs.getDate("next_due").toLocalDate(), rs.getInt("installments_due"), rs.getInt("missed"),
                PaymentPlan.Status.valueOf(rs.getString("status")), rs.getString("agreed_by"), rs.getTimestamp("agreed_at").toInstant());
    }
}
