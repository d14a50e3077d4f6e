package com.claimflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.overview.EncounterStory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real headless Chromium opens an encounter page's diagram: bpmn-js, served from the webjar to the signed-in user,
 * draws the encounter's model with the steps passed and the current position marked.
 */
class EncounterDiagramIT extends BrowserTestBase {
    @Autowired EncounterStory story;

    @Test
    void theDiagramTabDrawsTheModelWithThePathTakenAndTheCurrentPosition() throws Exception {
        long id = story.sent(); // coded, claim built and sent: the encounter waits in Submission for the acknowledgement

        signIn("bella");
        browser.get(url("/encounter/" + id));
        wait.until(d -> d.findElements(By.id("encounter-title")).size() > 0);
        browser.findElement(By.xpath("//vaadin-tab[contains(., 'Diagram')]")).click();
        WebElement canvas = wait.until(d -> {
            var found = d.findElements(By.cssSelector("#bpmn-diagram[data-drawn='true'], #bpmn-diagram[data-error]"));
            return found.isEmpty() ? null : found.get(0);
        });
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", canvas);
        Files.write(Path.of("target", "e2e-encounter-diagram.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        assertThat(canvas.getAttribute("data-error")).as("bpmn-js failed to draw").isNull();
        assertThat(canvas.findElements(By.cssSelector("svg"))).isNotEmpty();
        assertThat(canvas.findElements(By.cssSelector(".djs-element.cf-current[data-element-id='Submission']"))).hasSize(1);
        assertThat(canvas.findElements(By.cssSelector(".djs-element.cf-done[data-element-id='Coding']"))).hasSize(1);
        assertThat(canvas.findElements(By.cssSelector(".djs-element.cf-done[data-element-id='Adjudication']"))).isEmpty();
    }
}
