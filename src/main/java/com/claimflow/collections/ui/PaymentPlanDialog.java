package com.claimflow.collections.ui;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.base.ui.Notices;
import com.claimflow.collections.PaymentPlan;
import com.claimflow.collections.PaymentPlans;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.time.LocalDate;

/**
 * Agrees a payment plan with the patient on the phone: monthly amount and first due date. A refused entry marks the
 * field with the reason and agrees nothing.
 */
public class PaymentPlanDialog extends Dialog {
    final BigDecimalField monthly = new BigDecimalField("Monthly amount");
    final DatePicker firstDue = new DatePicker("First due date");
    final Button agree = new Button("Agree plan");

    public PaymentPlanDialog(PaymentPlans plans, long encounterId, String userId, Runnable agreed) {
        setHeaderTitle("Payment plan");
        monthly.setId("plan-monthly-amount");
        monthly.setPrefixComponent(new Span("$"));
        firstDue.setId("plan-first-due");
        firstDue.setValue(LocalDate.now().plusDays(30));
        firstDue.setMin(LocalDate.now());
        agree.setId("plan-agree");
        agree.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        agree.addClickListener(e -> {
            monthly.setInvalid(false);
            firstDue.setInvalid(false);
            try {
                PaymentPlan plan = plans.agree(encounterId, monthly.getValue(), firstDue.getValue(), userId);
                Notices.success("Payment plan agreed: " + plan.monthlyAmount() + " a month from " + plan.firstDue());
                close();
                agreed.run();
            } catch (BadInputException bad) {
                if ("firstDueDate".equals(bad.field())) {
                    firstDue.setErrorMessage(bad.reason());
                    firstDue.setInvalid(true);
                } else {
                    monthly.setErrorMessage(bad.reason());
                    monthly.setInvalid(true);
                }
            } catch (ConflictException conflict) {
                Notices.error(conflict.getMessage());
            }
        });
        add(new FormLayout(monthly, firstDue));
        getFooter().add(new Button("Cancel", e -> close()), agree);
    }
}
