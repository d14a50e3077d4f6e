package com.claimflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.claimflow.audit.AuditService;
import com.claimflow.identity.Worker;
import com.claimflow.intake.EncounterService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SLA register through the real coding model: the SLA timers of chosen tasks fire (their jobs executed through the
 * ManagementService), the register keeps each warning and escalation with its holder, due time and lateness, resolves
 * them when the task is completed or the process takes it away, and its totals, CSV and PDF give the figures computed
 * here by hand.
 */
class SlaRegisterIT extends ApiTestBase {
    @Autowired EncounterService encounters;
    @Autowired WorkQueueService queues;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired SlaRegister register;
    @Autowired AuditService audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired com.claimflow.sla.internal.SlaEventStore store;
    @Autowired ObjectMapper json;

    private final String today = LocalDate.now(ZoneOffset.UTC).toString();

    /** A coder no other test uses, starting with @ as a spreadsheet formula may: the CSV must neutralise it. */
    private final Worker coder = new Worker("@coder-" + UUID.randomUUID().toString().substring(0, 8), Set.of("coders"));

    private WorkItem codingTask() {
        long encounterId = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        return driver.task(encounterId, "CodeEncounter");
    }

    /** Fires one task's SLA timer (not every instance's), then runs what follows. */
    private void fire(WorkItem task, String timer) {
        List<Job> jobs = management.createJobQuery().timers().processInstanceId(task.processInstanceId()).activityId(task.taskType() + timer).list();
        assertThat(jobs).as(timer + " of " + task.taskId()).hasSize(1);
        management.executeJob(jobs.get(0).getId());
        driver.runJobs();
    }

    private void code(WorkItem task) {
        queues.complete(task.taskId(), Map.of("diagnosisCodes", "I10", "procedureLines", "99213 1 1", "queryProvider", false), coder);
        driver.runJobs();
    }

    private List<SlaEvent> eventsOf(String taskId) {
        return register.page(SlaFilter.of(com.claimflow.audit.EvidencePeriod.lastDays(1, LocalDate.now(ZoneOffset.UTC))), null, 1000).events()
                .stream().filter(e -> e.taskId().equals(taskId)).toList();
    }

    private SlaTotal coders() {
        return register.totals(SlaFilter.of(com.claimflow.audit.EvidencePeriod.lastDays(1, LocalDate.now(ZoneOffset.UTC)))).perQueue().stream()
                .filter(t -> t.name().equals("coders")).findFirst().orElse(new SlaTotal("coders", 0, 0, 0, 0));
    }

    @Test
    void warningsAndEscalationsAreKeptWithHolderDueAndLatenessResolvedAndTotalled() throws Exception {
        SlaTotal codersBefore = coders();
        // t1: held by the coder, warned then escalated, then completed by the coder
        WorkItem t1 = codingTask();
        queues.claim(t1.taskId(), coder);
        fire(t1, "SlaWarning");
        fire(t1, "SlaEscalation");
        // t2: held by the coder, escalated first; the warning then changes nothing and is not recorded; the process is closed
        WorkItem t2 = codingTask();
        queues.claim(t2.taskId(), coder);
        fire(t2, "SlaEscalation");
        fire(t2, "SlaWarning");
        // t3: completed by the coder within its SLA
        WorkItem t3 = codingTask();
        queues.claim(t3.taskId(), coder);
        // t4: nobody holds it when it is warned
        WorkItem t4 = codingTask();
        fire(t4, "SlaWarning");

        List<SlaEvent> e1 = eventsOf(t1.taskId());
        assertThat(e1).extracting(SlaEvent::kind).containsExactly(SlaEvent.Kind.ESCALATION, SlaEvent.Kind.WARNING);
        SlaEvent warning = e1.get(1);
        SlaEvent escalation = e1.get(0);
        assertThat(warning.holder()).isEqualTo(coder.userId());
        assertThat(warning.queue()).isEqualTo("coders");
        assertThat(warning.payerId()).isEqualTo("BCBS");
        assertThat(warning.encounterId()).isEqualTo(t1.encounterId());
        // BCBS coding: escalation one day after the task was created (sla-policy.dmn); the warning says how long was left
        assertThat(warning.dueAt()).isEqualTo(t1.createdAt().plus(Duration.ofDays(1)));
        assertThat(warning.late()).isEqualTo(Duration.between(warning.raisedAt(), warning.dueAt()));
        assertThat(warning.late().toMinutes()).isCloseTo(24 * 60, within(2L));
        assertThat(escalation.dueAt()).isEqualTo(escalation.raisedAt());
        assertThat(escalation.late()).isEqualTo(Duration.between(t1.createdAt(), escalation.raisedAt()));
        assertThat(eventsOf(t2.taskId())).extracting(SlaEvent::kind).containsExactly(SlaEvent.Kind.ESCALATION);
        assertThat(eventsOf(t4.taskId())).singleElement().satisfies(e -> assertThat(e.holder()).isNull());
        assertThat(e1).allMatch(SlaEvent::isOpen);

        code(t1);
        code(t3);
        runtime.deleteProcessInstance(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(t2.encounterId())).list()
                .stream().filter(p -> p.getRootProcessInstanceId().equals(p.getId())).findFirst().orElseThrow().getId(), "closed by the test");

        assertThat(eventsOf(t1.taskId())).allSatisfy(e -> {
            assertThat(e.resolution()).isEqualTo(SlaEvent.Resolution.COMPLETED);
            assertThat(e.resolvedBy()).isEqualTo(coder.userId());
            assertThat(e.resolvedAt()).isAfterOrEqualTo(e.raisedAt());
        });
        assertThat(eventsOf(t2.taskId())).singleElement().satisfies(e -> {
            assertThat(e.resolution()).isEqualTo(SlaEvent.Resolution.PROCESS);
            assertThat(e.resolvedByText()).isEqualTo("the process");
        });
        assertThat(eventsOf(t4.taskId())).singleElement().satisfies(e -> assertThat(e.isOpen()).isTrue());

        // the coder: 1 warning and 2 escalations while holding tasks; completed t1 (escalated) and t3 (not): 50 % compliant
        SlaTotals mine = register.totals(new SlaFilter(com.claimflow.audit.EvidencePeriod.lastDays(1, LocalDate.now(ZoneOffset.UTC)), null,
                coder.userId(), null, null, null, null));
        assertThat(mine.perPerson()).singleElement().isEqualTo(new SlaTotal(coder.userId(), 1, 2, 2, 1));
        assertThat(mine.perPerson().get(0).compliancePercent()).isEqualTo(50.0);
        assertThat(mine.perQueue()).singleElement().isEqualTo(new SlaTotal("coders", 1, 2, 2, 1));
        // the coders' queue: this test added 2 warnings (t1, t4), 2 escalations, 2 completions of which 1 escalated
        SlaTotal codersAfter = coders();
        assertThat(codersAfter.warnings() - codersBefore.warnings()).isEqualTo(2);
        assertThat(codersAfter.escalations() - codersBefore.escalations()).isEqualTo(2);
        assertThat(codersAfter.completed() - codersBefore.completed()).isEqualTo(2);
        assertThat(codersAfter.completedEscalated() - codersBefore.completedEscalated()).isEqualTo(1);

        // the same through the API, as compliance reads it
        ResponseEntity<String> page = as("cora").getForEntity("/api/sla-events?from={d}&to={d}&person={p}&kind=escalation", String.class, today,
                today, coder.userId());
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode events = json.readTree(page.getBody()).get("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("taskId").asText()).isEqualTo(t2.taskId()); // newest first
        assertThat(events.get(1).get("taskId").asText()).isEqualTo(t1.taskId());
        JsonNode totals = json.readTree(as("lena").getForEntity("/api/sla-events/totals?person={p}", String.class, coder.userId()).getBody());
        assertThat(totals.get("perPerson").get(0).get("completedEscalated").asLong()).isEqualTo(1);

        // CSV: a header and the coder's three events, the holder that starts with @ neutralised
        long exportsBefore = exports();
        ResponseEntity<String> csv = as("cora").getForEntity("/api/sla-events.csv?from={d}&to={d}&person={p}", String.class, today, today,
                coder.userId());
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = Arrays.asList(csv.getBody().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("id,kind,task_id,task_type,encounter_id,queue,payer,holder,task_created_at,due_at,raised_at,"
                + "late_minutes,resolved_at,resolved_by");
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l.split(",")[7]).isEqualTo("'" + coder.userId()));
        assertThat(lines.get(3)).contains(",warning," + t1.taskId() + ",CodeEncounter," + t1.encounterId() + ",coders,BCBS,");
        assertThat(lines.get(3)).endsWith(",'" + coder.userId()); // resolved by the coder, neutralised too
        assertThat(exports()).isEqualTo(exportsBefore + 1);
        assertThat(audit.latest()).anySatisfy(a -> {
            assertThat(a.getAction()).isEqualTo(SlaRegister.EXPORTED);
            assertThat(a.getActor()).isEqualTo("cora");
            assertThat(a.getDetail()).contains("api csv").contains("person " + coder.userId());
        });

        // PDF: the totals as computed above
        ResponseEntity<byte[]> pdf = as("lena").getForEntity("/api/sla-events/report.pdf?person={p}", byte[].class, coder.userId());
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("SLA register").contains("Totals per queue").contains("Totals per person").contains("person " + coder.userId());
            assertThat(text).contains(coder.userId() + " 1 2 2 1 50.0 %");
            assertThat(text).contains("CodeEncounter");
        }
        assertThat(exports()).isEqualTo(exportsBefore + 2);
    }

    private long exports() {
        return jdbc.queryForObject("select count(*) from audit_event where action = ?", Long.class, SlaRegister.EXPORTED);
    }

    @Test
    void aBadPeriodOrFilterIsRefusedNamingTheParameterAndNothingIsExported() throws Exception {
        long before = exports();
        String[][] cases = {
                {"/api/sla-events?from=2026-12-07&to=2026-12-01", "from"},
                {"/api/sla-events.csv?from=2026-12-07&to=2026-12-01", "from"},
                {"/api/sla-events/report.pdf?from=2026-12-07&to=2026-12-01", "from"},
                {"/api/sla-events.csv?from=2025-01-01&to=2026-06-30", "to"},
                {"/api/sla-events.csv?to=yesterday", "to"},
                {"/api/sla-events/report.pdf?from=2026-13-01", "from"},
                {"/api/sla-events?kind=breach", "kind"},
                {"/api/sla-events?status=maybe", "status"},
                {"/api/sla-events?person=x'or'1", "person"},
                {"/api/sla-events?after=12", "after"},
                {"/api/sla-events/totals?from=2026-12-07&to=2026-12-01", "from"}};
        for (String[] c : cases) {
            ResponseEntity<String> r = as("cora").getForEntity(c[0], String.class);
            assertThat(r.getStatusCode()).as(c[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(r.getBody()).get("fields").has(c[1])).as(c[0] + " names " + c[1] + ": " + r.getBody()).isTrue();
        }
        assertThat(exports()).isEqualTo(before);
    }

    @Test
    void codersAndBillersAreRefusedTheRegisterAndCompliancLeadsAndAdminsReadIt() {
        for (String path : List.of("/api/sla-events", "/api/sla-events/totals", "/api/sla-events.csv", "/api/sla-events/report.pdf")) {
            for (String user : List.of("carla", "bella")) {
                assertThat(as(user).getForEntity(path, String.class).getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
            }
            for (String user : List.of("cora", "lena", "adam")) {
                assertThat(as(user).getForEntity(path, byte[].class).getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
            }
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as("anonymous " + path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void theRollupAgreesWithTheEventsItCounts() {
        WorkItem t = codingTask();
        fire(t, "SlaWarning");
        fire(t, "SlaEscalation");
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        assertThat(store.counts(day, day.plusDays(1), null, null)).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(store.countsFromEvents(day, day.plusDays(1), null, null));
    }
}
