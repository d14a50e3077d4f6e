package com.claimflow.denial;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.document.Documents;
import com.claimflow.document.EncounterDocument;
import com.claimflow.document.PdfPages;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.reference.Payer;
import com.claimflow.reference.Provider;
import com.claimflow.reference.ReferenceService;
import com.claimflow.workqueue.Note;
import com.claimflow.workqueue.Notes;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The letter that goes to the payer with an appeal: the claim (payer's claim number, patient, member id, date of
 * service, billed amount), the denial's group and reason codes, the appeal level, and the biller's grounds (the notes
 * written on the encounter's Prepare appeal tasks). Kept with the encounter as a PDF.
 */
@Component
public class AppealLetter {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private final EncounterService encounters;
    private final ClaimService claims;
    private final ReferenceService reference;
    private final Notes notes;
    private final Documents documents;

    public AppealLetter(EncounterService encounters, ClaimService claims, ReferenceService reference, Notes notes, Documents documents) {
        this.encounters = encounters;
        this.claims = claims;
        this.reference = reference;
        this.notes = notes;
        this.documents = documents;
    }

    /** Writes and keeps the letter for {@code denial}'s current appeal level, in the caller's transaction. */
    public EncounterDocument write(Denial denial, LocalDate today) {
        Claim claim = claims.get(denial.getClaimId());
        Encounter e = encounters.get(denial.getEncounterId());
        List<String> grounds = notes.forEncounter(e.id()).stream()
                .filter(n -> n.kind() == Note.Kind.COMPLETED && DenialProcess.PREPARE_APPEAL_TASK.equals(n.taskType()))
                .map(Note::text).toList();
        byte[] pdf = render(e, claim, reference.payer(claim.payerId()), reference.provider(claim.billingNpi()), denial, grounds, today);
        return documents.keepPdf(e.id(), EncounterDocument.Kind.APPEAL_LETTER, "Appeal letter, level " + denial.getAppealLevel(),
                "appeal-" + e.id() + "-level-" + denial.getAppealLevel() + ".pdf", pdf, "denial");
    }

    static byte[] render(Encounter e, Claim claim, Optional<Payer> payer, Optional<Provider> provider, Denial denial, List<String> grounds,
                         LocalDate today) {
        PdfPages pdf = new PdfPages("Appeal of claim " + claim.id() + ", level " + denial.getAppealLevel());
        provider.ifPresent(p -> pdf.text(p.name() + "\n" + p.address() + "\n" + p.city() + ", " + p.state() + " " + p.zip() + "\nNPI " + p.npi()));
        pdf.blank().text(DATE.format(today));
        pdf.blank().text("To: " + payer.map(Payer::name).orElse(claim.payerId()) + ", appeals and reconsideration");
        pdf.heading("Request for reconsideration (appeal level " + denial.getAppealLevel() + ")");
        pdf.table(new String[] {"", ""}, new float[] {0.35f, 0.65f}, new boolean[] {false, false}, List.of(
                new String[] {"Patient", e.patientFirstName() + " " + e.patientLastName() + ", born " + DATE.format(e.patientBirthDate())},
                new String[] {"Member id", nullToDash(claim.memberId())},
                new String[] {"Payer claim number", nullToDash(claim.payerClaimNumber())},
                new String[] {"Our claim", claim.id() + " version " + claim.version() + " (account " + e.externalId() + ")"},
                new String[] {"Date of service", DATE.format(claim.dateOfService())},
                new String[] {"Billed", String.format("$%,.2f", claim.totalCharge())},
                new String[] {"Denial", denial.getCarcGroup() + "-" + denial.getCarc() + (denial.getRarc() == null ? "" : ", remark " + denial.getRarc())}));
        pdf.subheading("Grounds for the appeal");
        pdf.text(grounds.isEmpty() ? "We ask that the claim be reprocessed; the services were billed as documented in the medical record."
                : String.join("\n\n", grounds));
        pdf.blank().text("Please reprocess the claim and send the corrected remittance. The medical record is available on request.");
        pdf.blank().text("Sincerely,\nBilling office" + provider.map(p -> ", " + p.name()).orElse(""));
        return pdf.toBytes();
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
