package com.claimflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.audit.AuditService;
import com.claimflow.intake.EncounterService;
import com.claimflow.support.Encounters;
import com.claimflow.workqueue.BulkMoves;
import com.claimflow.workqueue.WorkQueueService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #14 in a real headless Chromium: a lead filters the coders' queue down to 50 tasks, selects all matching, and
 * spreads them over three coders in one action, with a reason, watching the progress to the summary.
 */
class WorkloadBulkMoveIT extends BrowserTestBase {
    /** An amount no other test's task has: the filter that finds exactly this test's 50 tasks. */
    private static final String MARK = "4242.42";
    private static final List<String> CODERS = List.of("carla", "chen", "colin");

    @Autowired EncounterService encounters;
    @Autowired WorkQueueService queues;
    @Autowired AuditService audit;
    @Autowired JdbcTemplate jdbc;

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id)).findElement(By.cssSelector("input"));
        input.clear();
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }

    @Test
    void aLeadSpreadsFiftyTasksChosenByFilterOverThreeCodersInOneAction() throws Exception {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long encounterId = encounters.open(Encounters.visit().request()).id();
            driver.runJobs();
            mine.add(driver.task(encounterId, "CodeEncounter").taskId());
        }
        for (String id : mine) jdbc.update("update work_item set amount = " + MARK + " where task_id = ?", id);

        signIn("lena");
        browser.get(url("/workload"));
        wait.until(d -> d.findElements(By.id("filter-min-amount")).size() > 0);
        type("filter-min-amount", MARK);
        type("filter-max-amount", MARK);
        browser.findElement(By.id("filter-show")).click();
        // a full page of 50: the list offers more, and the next page is empty
        wait.until(d -> d.findElement(By.id("tasks-shown")).getText().startsWith("50"));
        Files.write(Path.of("target", "e2e-workload-filtered.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.id("select-all-matching")).click();
        browser.findElement(By.id("move-tasks")).click();
        WebElement people = wait.until(d -> d.findElement(By.id("move-people")));
        WebElement peopleInput = people.findElement(By.cssSelector("input"));
        for (String coder : CODERS) {
            peopleInput.sendKeys(coder);
            wait.until(d -> d.findElements(By.xpath("//vaadin-multi-select-combo-box-item[contains(., '" + coder + "')]")).size() > 0);
            browser.findElement(By.xpath("//vaadin-multi-select-combo-box-item[contains(., '" + coder + "')]")).click();
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input'))", peopleInput);
        }
        peopleInput.sendKeys(Keys.ESCAPE);
        WebElement reason = browser.findElement(By.id("move-reason")).findElement(By.cssSelector("textarea"));
        reason.sendKeys("carla, chen and colin take the backlog");
        browser.findElement(By.id("move-confirm")).click();

        wait.until(d -> d.findElement(By.id("move-progress-text")).getText().startsWith("50 of 50 moved"));
        Files.write(Path.of("target", "e2e-workload-move.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        Map<String, Integer> perCoder = new TreeMap<>();
        for (String id : mine) perCoder.merge(queues.get(id).assignee(), 1, Integer::sum);
        assertThat(perCoder.keySet()).containsExactlyElementsOf(CODERS);
        assertThat(perCoder.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(50);
        assertThat(audit.latest()).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(BulkMoves.BULK_MOVED);
            assertThat(e.getActor()).isEqualTo("lena");
            assertThat(e.getDetail()).startsWith("50 of 50 moved").contains("carla, chen and colin take the backlog");
        });
    }
}
