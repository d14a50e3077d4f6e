package com.claimflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.demo.DemoReferenceData;
import com.claimflow.intake.EncounterService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real headless Chromium: a biller drops a CSV on the Batch intake page, watches it finish, reads the refused row's
 * line and column, then opens an encounter the file made and reads the row it came by, as sent.
 */
class BatchIntakeIT extends BrowserTestBase {
    @Autowired EncounterService encounters;

    @Test
    void aBillerUploadsACsvAndReadsTheRefusedRowAndTheRowAnEncounterCameBy() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String header = "external_id,first_name,last_name,birth_date,sex,date_of_service,place_of_service,billing_npi,payer_id,member_id";
        String good = String.join(",", "W-" + run + "-1", "Robin", "Browser", "1980-02-29", "F", LocalDate.now().minusDays(1).toString(), "11",
                DemoReferenceData.CLINIC_NPI, "BCBS", "XYZ123456789");
        String bad = good.replace("W-" + run + "-1", "W-" + run + "-2").replace("BCBS", "NOPE");
        Path file = Files.createTempFile("visits-", ".csv");
        Files.writeString(file, header + "\n" + good + "\n" + bad + "\n", StandardCharsets.UTF_8);

        signIn("bella");
        browser.get(url("/intake/batches"));
        WebElement upload = wait.until(d -> d.findElement(By.id("batch-upload")));
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
        wait.until(d -> d.findElements(By.id("batch-summary")).size() > 0);
        assertThat(browser.findElement(By.id("batch-summary")).getText()).endsWith(": 1 encounter(s) opened, 0 already there, 1 refused.");
        String refused = browser.findElement(By.id("batch-refused-rows")).getText();
        assertThat(refused).contains("W-" + run + "-2").contains("line 3 column payer_id").contains("unknown payer 'NOPE'");

        long id = encounters.findByExternalId("W-" + run + "-1").orElseThrow().id();
        browser.get(url("/encounter/" + id));
        WebElement show = wait.until(d -> d.findElement(By.cssSelector("vaadin-button[id^='show-message-']")));
        show.click();
        WebElement body = wait.until(d -> d.findElement(By.id("message-body")));
        assertThat(body.getText()).contains(header).contains(good);
        Files.deleteIfExists(file);
    }
}
