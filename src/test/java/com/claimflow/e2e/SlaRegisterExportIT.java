package com.claimflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.intake.EncounterService;
import com.claimflow.support.Encounters;
import com.claimflow.workqueue.WorkItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #14 in a real headless Chromium: two coding tasks pass their SLA warning; compliance filters the SLA register on
 * their payer, exports it as CSV through the signed-in page (not the HTTP Basic API) and finds a row for each.
 */
class SlaRegisterExportIT extends BrowserTestBase {
    @Autowired EncounterService encounters;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;

    private WorkItem warnedCodingTask(String payer) {
        long encounterId = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        WorkItem task = driver.task(encounterId, "CodeEncounter");
        jdbc.update("update work_item set payer_id = ? where task_id = ?", payer, task.taskId()); // the register keeps the task's payer
        List<Job> timers = management.createJobQuery().timers().processInstanceId(task.processInstanceId()).activityId("CodeEncounterSlaWarning").list();
        assertThat(timers).hasSize(1);
        management.executeJob(timers.get(0).getId());
        driver.runJobs();
        return task;
    }

    @Test
    void complianceExportsTheSlaRegisterAsCsvAndFindsEachWarning() {
        String payer = "SE" + UUID.randomUUID().toString().substring(0, 6);
        List<String> warned = new ArrayList<>();
        for (int i = 0; i < 2; i++) warned.add(warnedCodingTask(payer).taskId());

        signIn("cora");
        browser.get(url("/sla-register"));
        WebElement payerInput = wait.until(d -> d.findElement(By.id("sla-payer"))).findElement(By.cssSelector("input"));
        payerInput.sendKeys(payer, Keys.TAB);
        browser.findElement(By.id("sla-search")).click();
        wait.until(d -> d.findElement(By.id("sla-events")).getText().contains(warned.get(0).substring(0, 8))
                || d.getPageSource().contains(warned.get(0)));

        String href = wait.until(d -> {
            String h = d.findElement(By.id("sla-csv")).getAttribute("href");
            return h != null && h.contains("VAADIN/dynamic") ? h : null;
        });
        Object body = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('ERROR ' + e));",
                href);
        List<String> lines = Arrays.stream(String.valueOf(body).split("\r?\n")).filter(l -> !l.isBlank()).toList();

        assertThat(lines.get(0)).startsWith("id,kind,task_id,task_type,encounter_id,queue,payer,holder");
        assertThat(lines).hasSize(3);
        for (String taskId : warned) {
            assertThat(lines).anySatisfy(l -> assertThat(l).contains(taskId).contains(",warning,").contains(",CodeEncounter,").contains("," + payer + ","));
        }
    }
}
