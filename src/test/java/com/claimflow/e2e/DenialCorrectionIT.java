package com.claimflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.submission.SubmissionService;
import com.claimflow.support.Encounters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real headless Chromium walks a denial from the payer's 835 to a corrected claim through the UI: a biller uploads
 * the 835 that denies the claim, opens the denial task, adds the missing line in the claim editor and completes it;
 * the replacement claim (frequency 7, REF*F8) is queued.
 */
class DenialCorrectionIT extends BrowserTestBase {
    @Autowired EncounterService encounters;
    @Autowired ClaimService claims;
    @Autowired RemittanceService payer;
    @Autowired SubmissionService submissions;

    /** An 835 from BCBS that denies the claim with CARC 16 at claim level, under a fresh interchange control number. */
    private static String denial835(Claim c) {
        String isa13 = String.format("%09d", 800_000_000 + (int) (System.nanoTime() % 1_000_000));
        String isa = "ISA*00*          *00*          *ZZ*BCBSPAYER      *ZZ*CLAIMFLOW      *261201*0300*^*00501*" + isa13 + "*0*P*:";
        String charge = c.totalCharge().toPlainString();
        List<String> tx = new ArrayList<>(List.of("ST*835*0001*005010X221A1", "BPR*H*0*C*NON************20261203",
                "TRN*1*DENIAL" + c.id() + "*1512345678", "DTM*405*20261201", "N1*PR*BLUE CROSS BLUE SHIELD", "N3*PO BOX 1000",
                "N4*CHICAGO*IL*606011000", "REF*2U*BCBS", "PER*BL*PROVIDER SERVICES*TE*8005550199", "N1*PE*RIVERSIDE FAMILY CLINIC*XX*1234567893",
                "N3*100 RIVER RD", "N4*SPRINGFIELD*IL*627011234", "REF*TJ*123456789", "LX*1",
                "CLP*CF" + c.id() + "V" + c.version() + "*4*" + charge + "*0*0*12*PCN-E2E-" + c.id() + "*11*1",
                "NM1*QC*1*PATIENT*TEST****MI*" + c.memberId(), "CAS*CO*16*" + charge, "MOA***MA130"));
        tx.add("SE*" + (tx.size() + 1) + "*0001");
        return isa + "~GS*HP*BCBSPAYER*CLAIMFLOW*20261201*0300*" + isa13.substring(5) + "*X*005010X221A1~" + String.join("~", tx)
                + "~GE*1*" + isa13.substring(5) + "~IEA*1*" + isa13 + "~";
    }

    private void type(String fieldId, String text) {
        WebElement field = wait.until(d -> d.findElement(By.cssSelector("#" + fieldId + " textarea, #" + fieldId + " input")));
        field.sendKeys(text);
    }

    @Test
    void aBillerUploadsTheDenialEditsTheClaimAndTheReplacementIsQueued() throws Exception {
        long encounterId = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        driver.code(encounterId, "I10", "99213 1 1");
        Claim sent = claims.latestFor(encounterId).orElseThrow();
        payer.acknowledge(sent.id(), true, "PCN-E2E-" + sent.id(), null);
        driver.runJobs();
        Path file = Files.createTempFile("denial-", ".835");
        Files.writeString(file, denial835(sent), StandardCharsets.US_ASCII);

        signIn("bella");
        browser.get(url("/payer-files"));
        WebElement upload = wait.until(d -> d.findElement(By.id("payer-file-upload")));
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
        wait.until(d -> d.findElements(By.id("payer-file-status")).size() > 0);
        assertThat(browser.findElement(By.id("payer-file-status")).getText()).endsWith("835 taken");
        assertThat(browser.findElement(By.id("payer-file-counts")).getText()).contains("1 posted");
        driver.runJobs(); // the engine's job executor is off in tests: the denial routing runs as its own job

        browser.get(url("/task/" + driver.task(encounterId, EncounterProcess.CORRECT_BILLING_DENIAL_TASK).taskId()));
        wait.until(d -> d.getPageSource().contains("Why this task"));
        assertThat(browser.findElement(By.id("why-this-task")).getText()).contains("16").contains("information is missing or wrong");
        WebElement lines = wait.until(d -> d.findElement(By.cssSelector("#form-lines textarea")));
        assertThat(((JavascriptExecutor) browser).executeScript("return arguments[0].value", lines)).asString().startsWith("99213 1 ");
        lines.sendKeys("\n36415 1 3.75 1");
        type("form-note", "venipuncture was left off the claim");
        browser.findElement(By.id("complete")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/task/"));
        Files.write(Path.of("target", "e2e-denial-corrected.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        driver.runJobs();

        Claim replacement = claims.latestFor(encounterId).orElseThrow();
        assertThat(replacement.frequencyCode()).isEqualTo("7");
        assertThat(replacement.lines()).extracting(l -> l.code()).containsExactly("99213", "36415");
        assertThat(submissions.latestPayload(replacement.id()).orElseThrow()).contains("REF*F8*PCN-E2E-" + sent.id() + "~")
                .contains("SV1*HC:36415*3.75*UN*1***1~");
    }
}
