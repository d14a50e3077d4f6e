package com.claimflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.metrics.Figure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * Issue #14 in a real headless Chromium: the dashboard's figures are drawn by Apache ECharts from the webjar (no npm
 * build), each chart with its canvas, beside its written definition.
 */
class DashboardChartsIT extends BrowserTestBase {

    @Test
    void aLeadSeesEveryFigureDrawnByEcharts() throws Exception {
        signIn("lena");
        browser.get(url("/dashboard"));
        for (Figure f : Figure.values()) {
            String id = "chart-" + f.id();
            try {
                wait.until(d -> "true".equals(d.findElement(By.id(id)).getAttribute("data-drawn")));
            } catch (org.openqa.selenium.TimeoutException notDrawn) {
                Files.write(Path.of("target", "e2e-dashboard-failed.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                String console = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().toString();
                throw new AssertionError(id + " was not drawn (data-error: " + browser.findElement(By.id(id)).getAttribute("data-error")
                        + "); browser console: " + console, notDrawn);
            }
            assertThat(browser.findElement(By.id(id)).getAttribute("data-error")).as(id).isNull();
            assertThat(browser.findElement(By.id(id)).findElements(By.cssSelector("canvas"))).as(id + " drawn on a canvas").isNotEmpty();
        }
        Files.write(Path.of("target", "e2e-dashboard.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Arrays.stream(Figure.values()).map(f -> browser.findElement(By.id("figure-" + f.id())).getText()))
                .allSatisfy(text -> assertThat(text).isNotBlank());
        assertThat(browser.findElement(By.id("figure-dnfb")).getText()).contains("discharged not final billed");
    }
}
