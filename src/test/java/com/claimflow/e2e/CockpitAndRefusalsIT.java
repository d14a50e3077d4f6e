package com.claimflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium: a lead's Cockpit lists the processes and opens one with its diagram; a coder who tries a view or a
 * Camunda app her role lacks gets the product's 403, and the UI loads under its Content-Security-Policy.
 */
class CockpitAndRefusalsIT extends BrowserTestBase {
    @Autowired ProcessEngine engine;

    @Test
    void aLeadOpensAProcessInCockpit() throws Exception {
        signIn("lena");
        browser.get(url("/camunda/app/cockpit/" + engine.getName() + "/#/processes"));
        wait.until(d -> d.findElements(By.xpath("//a[normalize-space(.)='Coding']")).size() > 0);
        assertThat(browser.getPageSource()).doesNotContain("Access Denied");
        browser.findElement(By.xpath("//a[normalize-space(.)='Coding']")).click();
        wait.until(d -> d.getCurrentUrl().contains("/process-definition/"));
        // the diagram is drawn (bpmn-js) and the instance list answers
        wait.until(d -> d.findElements(By.cssSelector(".djs-container svg")).size() > 0);
        wait.until(d -> d.getPageSource().contains("Code encounter"));
        Files.write(Path.of("target", "e2e-cockpit.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(browser.getPageSource()).doesNotContain("Access Denied");
    }

    @Test
    void aCoderGetsTheProductsRefusalForAViewAndForCockpit() {
        signIn("carla");
        wait.until(d -> d.findElements(By.xpath("//vaadin-button[contains(., 'Next task')]")).size() > 0);
        browser.get(url("/queues"));
        wait.until(d -> d.getPageSource().contains("You may not open this page"));
        assertThat(browser.getPageSource()).doesNotContain("Available routes");

        browser.get(url("/camunda/app/cockpit/" + engine.getName() + "/"));
        wait.until(d -> d.getPageSource().contains("you may not open this page"));
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");

        List<LogEntry> console = browser.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(console).as("no Content-Security-Policy violation").noneMatch(e -> e.getMessage().contains("Content Security Policy"));
    }
}
