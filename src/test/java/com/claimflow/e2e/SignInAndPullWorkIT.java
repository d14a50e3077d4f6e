package com.claimflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.intake.EncounterService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A real headless Chromium (Debian's) signs in as a coder, pulls the next task and sees its form. */
class SignInAndPullWorkIT extends ApiTestBase {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort int port;
    @Autowired EncounterService encounters;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") != null) {
            assertThat(installed).as("CI installs Debian's chromium and chromium-driver (.ci/run)").isTrue();
        }
        Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void coderSignsInPullsTheNextTaskAndSeesTheCodingForm() throws Exception {
        long encounterId = encounters.open(Encounters.visit().request()).getId();
        driver.runJobs();
        driver.task(encounterId, "CodeEncounter");

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        WebElement form = wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form")));
        assertThat(form).isNotNull();
        wait.until(d -> d.findElements(By.cssSelector("input[name='username']")).size() > 0);
        browser.findElement(By.cssSelector("input[name='username']")).sendKeys("carla");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();

        wait.until(d -> d.findElements(By.xpath("//vaadin-button[contains(., 'Next task')]")).size() > 0);
        browser.findElement(By.xpath("//vaadin-button[contains(., 'Next task')]")).click();
        wait.until(d -> d.getCurrentUrl().contains("/task/"));
        wait.until(d -> d.getPageSource().contains("Diagnosis codes"));
        Files.write(Path.of("target", "e2e-task.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(browser.getPageSource()).contains("Procedure lines");
    }
}
