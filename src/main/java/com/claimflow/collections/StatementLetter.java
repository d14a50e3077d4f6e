package com.claimflow.collections;

import com.claimflow.document.Documents;
import com.claimflow.document.EncounterDocument;
import com.claimflow.document.PdfPages;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterRequest.Address;
import com.claimflow.intake.EncounterService;
import com.claimflow.reference.Provider;
import com.claimflow.reference.ReferenceService;
import com.claimflow.remittance.AccountEntry;
import com.claimflow.remittance.AccountService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The patient statement as the patient gets it: who to pay (the billing provider), the patient's mailing address, the
 * visit, every line of the encounter's ledger with what it did to the patient's share, and the amount due. Kept with
 * the encounter as a PDF.
 */
@Component
public class StatementLetter {
    /** Days the patient has to pay a statement. */
    static final int DAYS_TO_PAY = 30;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final ZoneId ZONE = ZoneId.systemDefault();

    private final EncounterService encounters;
    private final ReferenceService reference;
    private final AccountService account;
    private final Documents documents;
    private final PaymentPlans plans;

    public StatementLetter(EncounterService encounters, ReferenceService reference, AccountService account, Documents documents,
                           PaymentPlans plans) {
        this.encounters = encounters;
        this.reference = reference;
        this.account = account;
        this.documents = documents;
        this.plans = plans;
    }

    /** Writes and keeps the statement {@code s}; in the caller's transaction, so a retried job keeps one. */
    public EncounterDocument write(Statement s) {
        Encounter e = encounters.get(s.getEncounterId());
        Optional<PaymentPlan> plan = plans.current(e.id()).filter(p -> p.status() == PaymentPlan.Status.ACTIVE);
        byte[] pdf = render(e, encounters.patientAddress(e.id()), reference.provider(e.billingNpi()), account.entries(e.id()), s, plan);
        return documents.keepPdf(e.id(), EncounterDocument.Kind.STATEMENT, "Patient statement " + s.getSeq(),
                "statement-" + e.id() + "-" + s.getSeq() + ".pdf", pdf, "collections");
    }

    static byte[] render(Encounter e, Optional<Address> address, Optional<Provider> provider, List<AccountEntry> ledger, Statement s,
                         Optional<PaymentPlan> plan) {
        LocalDate sent = LocalDate.ofInstant(s.getSentAt(), ZONE);
        PdfPages pdf = new PdfPages("Patient statement " + s.getSeq() + " for account " + e.externalId());
        pdf.heading("Patient statement");
        provider.ifPresent(p -> pdf.text(p.name() + "\n" + p.address() + "\n" + p.city() + ", " + p.state() + " " + p.zip()));
        pdf.blank().text("Statement date: " + DATE.format(sent) + "    Statement number: " + s.getSeq() + "    Account: " + e.externalId());
        pdf.subheading("Patient");
        pdf.text(e.patientFirstName() + " " + e.patientLastName());
        pdf.text(address.map(a -> String.join("\n", a.lines())).orElse("Mailing address not on file"));
        pdf.subheading("Visit of " + DATE.format(e.dateOfService()));
        List<String[]> rows = new ArrayList<>();
        for (AccountEntry entry : ledger) {
            rows.add(new String[] {DATE.format(LocalDate.ofInstant(entry.getPostedAt(), ZONE)), describe(entry), money(entry.getAmount()),
                    money(entry.getPatientAmount())});
        }
        pdf.table(new String[] {"Date", "Description", "Amount", "Your share"}, new float[] {0.15f, 0.55f, 0.15f, 0.15f},
                new boolean[] {false, false, true, true}, rows);
        pdf.subheading("Balance: $" + money(s.getBalance()));
        if (plan.isPresent()) {
            PaymentPlan p = plan.get();
            pdf.text("Your payment plan: $" + money(p.monthlyAmount()) + " a month. Next installment due " + DATE.format(p.nextDue()) + ".");
        } else {
            pdf.text("Amount due: $" + money(s.getBalance()) + ". Please pay by " + DATE.format(sent.plusDays(DAYS_TO_PAY)) + ".");
        }
        pdf.text("Questions about this bill, or to agree a payment plan: call the billing office and give your account number "
                + e.externalId() + ".");
        return pdf.toBytes();
    }

    private static String describe(AccountEntry entry) {
        String what = switch (entry.getType()) {
            case CHARGE -> "Charges for the visit";
            case PAYER_PAYMENT -> "Insurance payment";
            case CONTRACTUAL_ADJUSTMENT -> "Insurance contractual adjustment";
            case PATIENT_RESPONSIBILITY -> "Patient responsibility per your insurance";
            case PATIENT_PAYMENT -> "Your payment, thank you";
            case WRITE_OFF -> "Adjustment (write-off)";
            case AGENCY_TRANSFER -> "Transferred to collection agency";
            case REFUND -> "Refund of a credit";
            case CREDIT_TRANSFER -> "Credit applied between your visits";
            case NEXT_PAYER_BILLED -> "Your share billed to your other insurance";
        };
        return entry.getReason() == null || entry.getType() == AccountEntry.Type.PATIENT_PAYMENT ? what : what + " (" + entry.getReason() + ")";
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "" : String.format("%,.2f", amount);
    }
}
