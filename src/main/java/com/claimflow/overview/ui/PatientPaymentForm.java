package com.claimflow.overview.ui;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ui.Formats;
import com.claimflow.base.ui.Notices;
import com.claimflow.collections.CollectionsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;

/**
 * A patient's payment posted at the counter or from the mail: amount, how it was paid and the check or receipt number.
 * The collections service checks it (more than zero, cents, at most the balance unless "paid more" is ticked: the rest is
 * then a credit balance a biller refunds) before anything is written; a refusal shows at the field it names.
 */
class PatientPaymentForm extends VerticalLayout {
    static final String[] METHODS = {"Check", "Cash", "Card"};

    final BigDecimalField amount = new BigDecimalField("Amount");
    final Select<String> method = new Select<>();
    final TextField reference = new TextField("Reference");
    final Checkbox credit = new Checkbox("The patient paid more: keep the rest as a credit to refund");
    final Button post = new Button("Post payment");

    PatientPaymentForm(long encounterId, CollectionsService collections, String userId, Runnable posted) {
        setPadding(false);
        amount.setId("payment-amount");
        amount.setPrefixComponent(new com.vaadin.flow.component.html.Span("$"));
        amount.setPlaceholder("25.00");
        method.setId("payment-method");
        method.setLabel("Method");
        method.setItems(METHODS);
        method.setValue(METHODS[0]);
        reference.setId("payment-reference");
        reference.setPlaceholder("Check or receipt number");
        reference.setMaxLength(100);
        post.setId("post-payment");
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        amount.addValueChangeListener(e -> amount.setInvalid(false));
        reference.addValueChangeListener(e -> reference.setInvalid(false));
        post.addClickListener(e -> {
            try {
                BigDecimal balance = collections.postPatientPayment(encounterId, amount.getValue(), referenceText(), userId, credit.getValue());
                Notices.success("Payment of " + Formats.money(amount.getValue()) + " posted; " + (balance.signum() < 0
                        ? "a credit of " + Formats.money(balance.negate()) + " is for a biller to refund." : "the patient owes " + Formats.money(balance) + "."));
                posted.run();
            } catch (BadInputException bad) {
                if ("reference".equals(bad.field())) {
                    reference.setErrorMessage(bad.reason());
                    reference.setInvalid(true);
                } else {
                    amount.setErrorMessage(bad.reason());
                    amount.setInvalid(true);
                }
            }
        });
        HorizontalLayout row = new HorizontalLayout(amount, method, reference, post);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        credit.setId("payment-accept-credit");
        add(new H4("Post a patient payment"), row, credit);
    }

    /** What the account's reason column keeps: the method, then the reference as typed. */
    String referenceText() {
        String ref = reference.getValue() == null ? "" : reference.getValue().strip();
        return ref.isEmpty() ? method.getValue() : method.getValue() + " " + ref;
    }
}
