package com.claimflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.intake.EncounterService;
import com.claimflow.support.Encounters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;

/** A real headless Chromium (Debian's) signs in as a coder, pulls the next task and sees its form. */
class SignInAndPullWorkIT extends BrowserTestBase {
    @Autowired EncounterService encounters;

    @Test
    void coderSignsInPullsTheNextTaskAndSeesTheCodingForm() throws Exception {
        long encounterId = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        driver.task(encounterId, "CodeEncounter");

        signIn("carla");
        wait.until(d -> d.findElements(By.xpath("//vaadin-button[contains(., 'Next task')]")).size() > 0);
        browser.findElement(By.xpath("//vaadin-button[contains(., 'Next task')]")).click();
        wait.until(d -> d.getCurrentUrl().contains("/task/"));
        wait.until(d -> d.getPageSource().contains("Diagnosis codes"));
        Files.write(Path.of("target", "e2e-task.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(browser.getPageSource()).contains("Procedure lines");
    }
}
