package com.claimflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import com.claimflow.base.BadInputException;
import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.coding.AuditSampling;
import com.claimflow.collections.PaymentPlans;
import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import com.claimflow.denial.DenialProcess;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.AccountService;
import com.claimflow.remittance.RemittanceAdvice;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.support.Encounters;
import com.claimflow.support.ProcessDriver;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Statements and appeal letters are PDFs kept with the encounter, carrying what the patient or payer must read. */
@SpringBootTest
@ActiveProfiles("test")
class PatientDocumentsTest {
    @Autowired ProcessDriver driver;
    @Autowired EncounterService encounters;
    @Autowired ClaimService claims;
    @Autowired RemittanceService payer;
    @Autowired AccountService account;
    @Autowired Documents documents;
    @Autowired PaymentPlans plans;
    @Autowired DemoReferenceData reference;
    @Autowired DemoUsers users;
    @MockitoBean AuditSampling sampling;

    @BeforeEach
    void setUp() {
        reference.load();
        users.load();
        when(sampling.draw()).thenReturn(0.5);
    }

    private Encounter openCodeAndAccept(Encounters visit) {
        Encounter e = encounters.open(visit.request());
        driver.runJobs();
        driver.code(e.id(), "E119", "99214 1 1");
        Claim c = claims.latestFor(e.id()).orElseThrow();
        payer.acknowledge(c.id(), true, "PCN-" + c.id(), null);
        driver.runJobs();
        return e;
    }

    @Test
    void statementCarriesTheAddressTheLedgerAndTheAmountDue() throws IOException {
        Encounter e = openCodeAndAccept(Encounters.visit().livingAt("12 Elm Street", "Columbus", "OH", "432150001"));
        Claim c = claims.latestFor(e.id()).orElseThrow();
        BigDecimal patient = c.totalCharge().multiply(new BigDecimal("0.20")).setScale(2, RoundingMode.HALF_UP);
        payer.post(new RemittanceAdvice("ERA-" + c.id(), c.id(), c.payerClaimNumber(), c.totalCharge().subtract(patient), BigDecimal.ZERO,
                patient, false, "PR", "1", null));
        driver.runJobs();

        List<EncounterDocument> kept = documents.forEncounter(e.id());
        assertThat(kept).extracting(EncounterDocument::kind).containsExactly(EncounterDocument.Kind.STATEMENT);
        EncounterDocument statement = kept.get(0);
        assertThat(statement.fileName()).isEqualTo("statement-" + e.id() + "-1.pdf");
        String text = text(documents.content(statement.id()));
        assertThat(text).contains("Patient statement", "Test Patient", "12 Elm Street", "Columbus, OH 43215-0001", "Account: " + e.externalId(),
                "Charges for the visit", "Insurance payment", String.format("Amount due: $%,.2f", account.balance(e.id()).patient()));
    }

    @Test
    void aStatementSentDuringAPaymentPlanAsksForTheNextInstallment() throws IOException {
        Encounter e = openCodeAndAccept(Encounters.visit().livingAt("3 Oak Avenue", "Dayton", "OH", "45402"));
        Claim c = claims.latestFor(e.id()).orElseThrow();
        payer.post(new RemittanceAdvice("ERA-" + c.id(), c.id(), c.payerClaimNumber(), c.totalCharge().subtract(new BigDecimal("60.00")),
                BigDecimal.ZERO, new BigDecimal("60.00"), false, "PR", "1", null));
        driver.runJobs();
        LocalDate due = LocalDate.now().plusDays(20);
        plans.agree(e.id(), new BigDecimal("20.00"), due, "bella");

        driver.fireTimer("StatementCycle");

        EncounterDocument second = documents.forEncounter(e.id()).get(0);
        assertThat(second.title()).isEqualTo("Patient statement 2");
        assertThat(text(documents.content(second.id()))).contains("Your payment plan: $20.00 a month. Next installment due "
                + due.format(DateTimeFormatter.ofPattern("MM/dd/yyyy"))).doesNotContain("Amount due");
    }

    @Test
    void aPatientOnAPaymentPlanKeepsGettingStatementsAndIsNeverSentToTheAgency() {
        Encounter e = openCodeAndAccept(Encounters.visit());
        Claim c = claims.latestFor(e.id()).orElseThrow();
        payer.post(new RemittanceAdvice("ERA-" + c.id(), c.id(), c.payerClaimNumber(), c.totalCharge().subtract(new BigDecimal("90.00")),
                BigDecimal.ZERO, new BigDecimal("90.00"), false, "PR", "1", null));
        driver.runJobs();
        plans.agree(e.id(), new BigDecimal("30.00"), LocalDate.now().plusDays(10), "bella");

        for (int cycle = 0; cycle < 4; cycle++) driver.fireTimer("StatementCycle");

        assertThat(documents.forEncounter(e.id())).hasSize(5);
        assertThat(driver.openTaskTypes(e.id())).doesNotContain("ReviewCollections");
        assertThat(account.balance(e.id()).patient()).isEqualByComparingTo("90.00");
    }

    @Test
    void statementWithoutAnAddressSaysSo() throws IOException {
        Encounter e = openCodeAndAccept(Encounters.visit());
        Claim c = claims.latestFor(e.id()).orElseThrow();
        payer.post(new RemittanceAdvice("ERA-" + c.id(), c.id(), c.payerClaimNumber(), c.totalCharge().subtract(BigDecimal.TEN),
                BigDecimal.ZERO, BigDecimal.TEN, false, "PR", "2", null));
        driver.runJobs();

        assertThat(text(documents.content(documents.forEncounter(e.id()).get(0).id()))).contains("Mailing address not on file");
    }

    @Test
    void appealLetterNamesTheClaimTheDenialAndTheBillersGrounds() throws IOException {
        Encounter e = openCodeAndAccept(Encounters.visit());
        Claim c = claims.latestFor(e.id()).orElseThrow();
        payer.post(new RemittanceAdvice("ERA-D-" + c.id(), c.id(), c.payerClaimNumber(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                true, "CO", "50", "N115"));
        driver.runJobs();
        driver.complete(e.id(), DenialProcess.PREPARE_APPEAL_TASK, "bella", "billers",
                Map.of(DenialProcess.APPEAL_DECISION, "APPEAL", "note", "Visit note documents medical necessity for the E/M level."));

        List<EncounterDocument> kept = documents.forEncounter(e.id());
        assertThat(kept).extracting(EncounterDocument::kind).containsExactly(EncounterDocument.Kind.APPEAL_LETTER);
        assertThat(text(documents.content(kept.get(0).id()))).contains("Request for reconsideration (appeal level 1)", "PCN-" + c.id(),
                "CO-50, remark N115", "Visit note documents medical necessity for the E/M level.");
    }

    @Test
    void anAddressWithABadZipCodeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> encounters.open(Encounters.visit().livingAt("1 Main St", "Dayton", "OH", "4540").request()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("patient.address.postalCode");
    }

    @Test
    void charactersTheFontCannotPrintBecomeQuestionMarksInsteadOfFailingTheRun() throws IOException {
        byte[] pdf = new PdfPages("t").text("Zoë Ōtake — 東京").toBytes();
        assertThat(text(pdf)).contains("Zoë ?take ? ??");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
