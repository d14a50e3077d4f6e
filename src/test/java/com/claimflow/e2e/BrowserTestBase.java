package com.claimflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.support.ApiTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A real headless Chromium (Debian's) against the running server, and the UI's sign-in. */
abstract class BrowserTestBase extends ApiTestBase {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort int port;
    WebDriver browser;
    WebDriverWait wait;

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
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) browser.quit();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in on the login page as a person does, with the password of the demo users. */
    void signIn(String user) {
        browser.get(url("/"));
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        WebElement form = wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form")));
        assertThat(form).isNotNull();
        wait.until(d -> d.findElements(By.cssSelector("input[name='username']")).size() > 0);
        browser.findElement(By.cssSelector("input[name='username']")).sendKeys(user);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }
}
