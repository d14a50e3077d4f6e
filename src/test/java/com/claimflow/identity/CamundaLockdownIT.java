package com.claimflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.support.ApiTestBase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's webapps and engine REST as every role sees them: which app opens, which change goes through, checked by
 * the status and by the engine's state after. Cockpit for admins, leads and compliance (leads also retry jobs and
 * resolve or annotate incidents), Admin and Tasklist for admins, nothing at all for coders and billers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CamundaLockdownIT extends ApiTestBase {
    /** A process of this test only: a task for a group nobody is in (no queue sees it) and a step that always fails. */
    private static final String PROBE = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         targetNamespace="http://claimflow.test/lockdown">
              <process id="lockdownProbe" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="start"/>
                <sequenceFlow id="toFork" sourceRef="start" targetRef="fork"/>
                <parallelGateway id="fork"/>
                <sequenceFlow id="toReview" sourceRef="fork" targetRef="review"/>
                <sequenceFlow id="toFail" sourceRef="fork" targetRef="fail"/>
                <userTask id="review" camunda:candidateGroups="lockdown-probe"/>
                <sequenceFlow id="reviewed" sourceRef="review" targetRef="done"/>
                <endEvent id="done"/>
                <serviceTask id="fail" camunda:asyncBefore="true" camunda:expression="${noSuchBean.run()}"/>
                <sequenceFlow id="failed" sourceRef="fail" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>""";

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    String engine;
    String probeDeployment;

    @BeforeAll
    void deployProbe() {
        users.load();
        engine = processEngine.getName();
        probeDeployment = repository.createDeployment().name("lockdown-probe").addString("lockdown-probe.bpmn", PROBE).deploy().getId();
    }

    @AfterAll
    void removeProbe() {
        repository.createDeploymentQuery().deploymentName("lockdown-probe").list().forEach(d -> repository.deleteDeployment(d.getId(), true));
        repository.createDeploymentQuery().deploymentName("lockdown-check").list().forEach(d -> repository.deleteDeployment(d.getId(), true));
        identity.deleteUser("mallory");
    }

    /** A running probe: its task waits, its failing step is an incident (retries used up), plus an incident of a custom type. */
    private record Probe(String instanceId, String taskId, String jobId, String failedJobIncidentId, String customIncidentId) {
    }

    private Probe probe() {
        ProcessInstance instance = runtime.startProcessInstanceByKey("lockdownProbe", java.util.Map.of("diagnosis", "I10"));
        Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        management.setJobRetries(job.getId(), 1);
        assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
        Incident failed = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        Incident custom = runtime.createIncident("lockdownCheck", task.getExecutionId(), "configuration");
        return new Probe(instance.getId(), task.getId(), job.getId(), failed.getId(), custom.getId());
    }

    private String engineApi(String path) {
        return "/camunda/api/engine/engine/" + engine + path;
    }

    /** A signed-in session that opened Cockpit's start page first, as a browser does, so Camunda's webapp handed out its XSRF token. */
    private WebSession cockpitSession(String user) throws Exception {
        WebSession session = WebSession.signIn(port, user);
        session.get("/camunda/app/cockpit/" + engine + "/");
        session.get(engineApi("/process-definition/count"));
        return session;
    }

    // ---- apps ----

    @ParameterizedTest(name = "{0} opens {1}: {2}")
    @CsvSource({
            "carla, cockpit, 403", "carla, tasklist, 403", "carla, admin, 403", "carla, welcome, 403",
            "bella, cockpit, 403", "bella, tasklist, 403", "bella, admin, 403", "bella, welcome, 403",
            "lena,  cockpit, 200", "lena,  tasklist, 403", "lena,  admin, 403", "lena,  welcome, 403",
            "cora,  cockpit, 200", "cora,  tasklist, 403", "cora,  admin, 403", "cora,  welcome, 403",
            "adam,  cockpit, 200", "adam,  tasklist, 200", "adam,  admin, 200", "adam,  welcome, 200"})
    void eachRoleOpensOnlyItsCamundaApps(String user, String app, int status) throws Exception {
        WebSession session = WebSession.signIn(port, user);
        HttpResponse<String> page = session.get("/camunda/app/" + app + "/" + engine + "/");
        assertThat(page.statusCode()).as(user + " opens " + app).isEqualTo(status);
        if (status == 403) {
            assertThat(page.body()).as("the product's own 403 page").contains("you may not open this page").doesNotContain("Whitelabel");
        }
    }

    /** Camunda's own application grants agree: leads and compliance get Cockpit, not Admin or Tasklist (Welcome, the account page, Camunda opens to everyone; Spring refuses it). */
    @ParameterizedTest(name = "Camunda lets {0} into {1}")
    @CsvSource({"lena, cockpit", "cora, cockpit", "adam, admin cockpit tasklist welcome"})
    void camundasApplicationGrantsAgree(String user, String apps) throws Exception {
        HttpResponse<String> me = cockpitSession(user).get("/camunda/api/admin/auth/user/" + engine);
        assertThat(me.statusCode()).isEqualTo(200);
        String authorized = me.body().replaceAll("(?s).*\"authorizedApps\"\\s*:\\s*\\[([^]]*)].*", "$1");
        List<String> got = Stream.of(authorized.replace("\"", "").split(",")).map(String::trim).filter(a -> !a.isEmpty() && !a.equals("welcome")).sorted().toList();
        List<String> want = Stream.of(apps.split(" ")).filter(a -> !a.equals("welcome")).sorted().toList();
        assertThat(got).as(user + "'s apps in Camunda").isEqualTo(want);
    }

    @Test
    void withoutSignInPagesGoToTheLoginAndTheRestAnswers401() throws Exception {
        WebSession nobody = WebSession.anonymous(port);
        HttpResponse<String> page = nobody.get("/camunda/app/cockpit/" + engine + "/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        for (String path : new String[] {"/camunda/api/engine/engine", engineApi("/process-definition"), "/camunda/api/cockpit/plugin/base/" + engine + "/process-instance",
                "/camunda/api/admin/auth/user/" + engine, "/camunda/api/tasklist/" + engine + "/task"}) {
            assertThat(nobody.get(path).statusCode()).as(path).isEqualTo(401);
        }
        long users = identity.createUserQuery().count();
        assertThat(nobody.sendJson("POST", engineApi("/user/create"), "{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"x\"}}").statusCode())
                .isEqualTo(401);
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
    }

    // ---- REST writes ----

    static Stream<Arguments> everyone() {
        return Stream.of(Arguments.of("carla"), Arguments.of("bella"), Arguments.of("lena"), Arguments.of("cora"), Arguments.of("adam"));
    }

    private static boolean admin(String user) {
        return user.equals("adam");
    }

    private static boolean lead(String user) {
        return user.equals("lena");
    }

    private static boolean cockpitUser(String user) {
        return user.equals("adam") || user.equals("lena") || user.equals("cora");
    }

    private static void assertStatus(HttpResponse<String> response, boolean allowed, int okStatus, String what) {
        if (allowed) {
            assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(okStatus);
        } else {
            assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0} creates a user")
    @MethodSource("everyone")
    void onlyAdminsCreateUsers(String user) throws Exception {
        identity.deleteUser("mallory");
        WebSession session = cockpitSession(user);
        HttpResponse<String> created = session.sendJson("POST", engineApi("/user/create"),
                "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"M\",\"email\":\"m@example.com\"},\"credentials\":{\"password\":\"s3cret-Pass\"}}");
        assertStatus(created, admin(user), 204, user + " creates a user");
        assertThat(identity.createUserQuery().userId("mallory").count()).isEqualTo(admin(user) ? 1 : 0);
        identity.deleteUser("mallory");
    }

    @ParameterizedTest(name = "{0} adds carla to admins")
    @MethodSource("everyone")
    void onlyAdminsChangeGroups(String user) throws Exception {
        long memberships = identity.createUserQuery().memberOfGroup(Roles.ADMINS).count();
        WebSession session = cockpitSession(user);
        HttpResponse<String> added = session.sendJson("PUT", engineApi("/group/" + Roles.ADMINS + "/members/carla"), null);
        assertStatus(added, admin(user), 204, user + " adds a membership");
        assertThat(identity.createUserQuery().memberOfGroup(Roles.ADMINS).userId("carla").count()).isEqualTo(admin(user) ? 1 : 0);
        identity.deleteMembership("carla", Roles.ADMINS);
        assertThat(identity.createUserQuery().memberOfGroup(Roles.ADMINS).count()).isEqualTo(memberships);
    }

    @ParameterizedTest(name = "{0} deploys a process")
    @MethodSource("everyone")
    void onlyAdminsDeploy(String user) throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        WebSession session = cockpitSession(user);
        String boundary = "lockdown" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nlockdown-check\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"check.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                + PROBE.replace("lockdownProbe", "lockdownCheck") + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> deployed = session.send("POST", engineApi("/deployment/create"), "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        assertStatus(deployed, admin(user), 200, user + " deploys");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments + (admin(user) ? 1 : 0));
        repository.createDeploymentQuery().deploymentName("lockdown-check").list().forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    @ParameterizedTest(name = "{0} sets a failed job's retries")
    @MethodSource("everyone")
    void leadsAndAdminsRetryFailedJobs(String user) throws Exception {
        Probe probe = probe();
        HttpResponse<String> retried = cockpitSession(user).sendJson("PUT", engineApi("/job/" + probe.jobId() + "/retries"), "{\"retries\":1}");
        boolean allowed = admin(user) || lead(user);
        assertStatus(retried, allowed, 204, user + " retries a job");
        assertThat(management.createJobQuery().jobId(probe.jobId()).singleResult().getRetries()).isEqualTo(allowed ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} annotates and resolves incidents")
    @MethodSource("everyone")
    void leadsAndAdminsAnnotateAndResolveIncidents(String user) throws Exception {
        Probe probe = probe();
        WebSession session = cockpitSession(user);
        boolean allowed = admin(user) || lead(user);
        HttpResponse<String> annotated = session.sendJson("PUT", engineApi("/incident/" + probe.failedJobIncidentId() + "/annotation"),
                "{\"annotation\":\"payer endpoint down, retry after 14:00\"}");
        assertStatus(annotated, allowed, 204, user + " annotates an incident");
        assertThat(runtime.createIncidentQuery().incidentId(probe.failedJobIncidentId()).singleResult().getAnnotation())
                .isEqualTo(allowed ? "payer endpoint down, retry after 14:00" : null);
        HttpResponse<String> resolved = session.sendJson("DELETE", engineApi("/incident/" + probe.customIncidentId()), null);
        assertStatus(resolved, allowed, 204, user + " resolves an incident");
        assertThat(runtime.createIncidentQuery().incidentId(probe.customIncidentId()).count()).isEqualTo(allowed ? 0 : 1);
    }

    @ParameterizedTest(name = "{0} claims and completes a task")
    @MethodSource("everyone")
    void onlyAdminsWorkTasksThroughCamunda(String user) throws Exception {
        Probe probe = probe();
        WebSession session = cockpitSession(user);
        HttpResponse<String> claimed = session.sendJson("POST", engineApi("/task/" + probe.taskId() + "/claim"), "{\"userId\":\"" + user + "\"}");
        assertStatus(claimed, admin(user), 204, user + " claims");
        assertThat(tasks.createTaskQuery().taskId(probe.taskId()).singleResult().getAssignee()).isEqualTo(admin(user) ? user : null);
        HttpResponse<String> completed = session.sendJson("POST", engineApi("/task/" + probe.taskId() + "/complete"), "{}");
        assertStatus(completed, admin(user), 204, user + " completes");
        assertThat(tasks.createTaskQuery().taskId(probe.taskId()).count()).isEqualTo(admin(user) ? 0 : 1);
    }

    @ParameterizedTest(name = "{0} reads an instance's variables")
    @MethodSource("everyone")
    void cockpitRolesReadVariables(String user) throws Exception {
        Probe probe = probe();
        HttpResponse<String> variables = cockpitSession(user).get(engineApi("/process-instance/" + probe.instanceId() + "/variables"));
        if (cockpitUser(user)) {
            assertThat(variables.statusCode()).isEqualTo(200);
            assertThat(variables.body()).contains("\"diagnosis\"").contains("I10");
        } else {
            assertThat(variables.statusCode()).isEqualTo(403);
            assertThat(variables.body()).doesNotContain("I10");
        }
    }

    @ParameterizedTest(name = "{0} modifies an instance")
    @MethodSource("everyone")
    void onlyAdminsModifyInstances(String user) throws Exception {
        Probe probe = probe();
        HttpResponse<String> modified = cockpitSession(user).sendJson("POST", engineApi("/process-instance/" + probe.instanceId() + "/modification"),
                "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"review\"}]}");
        assertStatus(modified, admin(user), 204, user + " modifies");
        assertThat(tasks.createTaskQuery().processInstanceId(probe.instanceId()).count()).isEqualTo(admin(user) ? 0 : 1);
    }

    @ParameterizedTest(name = "{0} deletes an instance")
    @MethodSource("everyone")
    void onlyAdminsDeleteInstances(String user) throws Exception {
        Probe probe = probe();
        HttpResponse<String> deleted = cockpitSession(user).sendJson("DELETE", engineApi("/process-instance/" + probe.instanceId()), null);
        assertStatus(deleted, admin(user), 204, user + " deletes");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(probe.instanceId()).count()).isEqualTo(admin(user) ? 0 : 1);
    }

    @ParameterizedTest(name = "{0} suspends an instance")
    @MethodSource("everyone")
    void onlyAdminsSuspendInstances(String user) throws Exception {
        Probe probe = probe();
        HttpResponse<String> suspended = cockpitSession(user).sendJson("PUT", engineApi("/process-instance/" + probe.instanceId() + "/suspended"),
                "{\"suspended\":true}");
        assertStatus(suspended, admin(user), 204, user + " suspends");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(probe.instanceId()).singleResult().isSuspended()).isEqualTo(admin(user));
    }

    @Test
    void aCoderDeploysNothingAndChangesNoGroupWhateverShePosts() throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        long memberships = identity.createUserQuery().memberOfGroup(Roles.ADMINS).count() + identity.createUserQuery().memberOfGroup("camunda-admin").count();
        long users = identity.createUserQuery().count();
        WebSession carla = WebSession.signIn(port, "carla");
        for (String entry : new String[] {"/camunda/app/cockpit/" + engine + "/", "/camunda/app/admin/" + engine + "/", "/camunda/app/tasklist/" + engine + "/"}) {
            assertThat(carla.get(entry).statusCode()).isEqualTo(403);
        }
        assertThat(carla.xsrfToken()).as("Camunda's webapp never answered her, so she holds no XSRF token").isNull();
        for (String group : new String[] {Roles.ADMINS, "camunda-admin", Roles.LEADS}) {
            assertThat(carla.sendJson("PUT", engineApi("/group/" + group + "/members/carla"), null).statusCode()).isEqualTo(403);
        }
        assertThat(carla.sendJson("POST", engineApi("/user/create"), "{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"x\"}}").statusCode())
                .isEqualTo(403);
        assertThat(carla.sendJson("POST", engineApi("/authorization/create"),
                "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"carla\",\"resourceType\":0,\"resourceId\":\"*\"}").statusCode()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(identity.createUserQuery().memberOfGroup(Roles.ADMINS).count() + identity.createUserQuery().memberOfGroup("camunda-admin").count())
                .isEqualTo(memberships);
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(identity.createUserQuery().memberOfGroup(Roles.LEADS).userId("carla").count()).isZero();
    }

    // ---- Camunda's own check, without the Spring layer ----

    @Test
    void camundasGrantsAloneRefuseComplianceAnyChangeAndLeadsAllButRetriesAndIncidents() {
        Probe probe = probe();
        try {
            identity.setAuthentication("cora", List.of(Roles.COMPLIANCE));
            assertThat(runtime.getVariables(probe.instanceId())).containsEntry("diagnosis", "I10");
            assertThatThrownBy(() -> management.setJobRetries(probe.jobId(), 1)).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> runtime.setAnnotationForIncidentById(probe.failedJobIncidentId(), "x")).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> tasks.claim(probe.taskId(), "cora")).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> runtime.deleteProcessInstance(probe.instanceId(), "x")).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> repository.createDeployment().addString("x.bpmn", PROBE).deploy()).isInstanceOf(AuthorizationException.class);

            identity.setAuthentication("lena", List.of(Roles.LEADS, Roles.CODERS, Roles.BILLERS));
            runtime.setAnnotationForIncidentById(probe.failedJobIncidentId(), "checked");
            management.setJobRetries(probe.jobId(), 1); // resolves the failed job's incident
            assertThatThrownBy(() -> tasks.claim(probe.taskId(), "lena")).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> runtime.deleteProcessInstance(probe.instanceId(), "x")).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> identity.createMembership("lena", Roles.ADMINS)).isInstanceOf(AuthorizationException.class);

            identity.setAuthentication("carla", List.of(Roles.CODERS));
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(probe.instanceId()).count()).as("a coder's query sees nothing").isZero();
        } finally {
            identity.clearAuthentication();
        }
        assertThat(management.createJobQuery().jobId(probe.jobId()).singleResult().getRetries()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskId(probe.taskId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void noTasklistFilterNamedNoneIsCreatedAndAStrayOneGoesAtStart() {
        assertThat(processEngine.getFilterService().createFilterQuery().filterName("none").count()).isZero();
        Filter stray = processEngine.getFilterService().newTaskFilter("none");
        processEngine.getFilterService().saveFilter(stray);
        new CamundaGrants(processEngine.getAuthorizationService(), processEngine.getFilterService()).afterSingletonsInstantiated();
        assertThat(processEngine.getFilterService().createFilterQuery().filterName("none").count()).isZero();
    }

    @Test
    void aTaskCreatedAndClaimedWritesNoAuthorizationRows() {
        Probe probe = probe();
        tasks.claim(probe.taskId(), "carla");
        assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK).resourceId(probe.taskId()).count())
                .as("access is by group; the work queues' claims write nothing extra").isZero();
    }

    @Test
    void grantsAreWrittenOnceHoweverOftenTheyRun() {
        CamundaGrants grants = new CamundaGrants(processEngine.getAuthorizationService(), processEngine.getFilterService());
        long before = processEngine.getAuthorizationService().createAuthorizationQuery().count();
        grants.grantAll();
        grants.grantAll();
        assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(before);
        // Camunda lets a group's members read the group itself; beyond that coders and billers hold nothing
        assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().groupIdIn(Roles.CODERS, Roles.BILLERS).list())
                .allMatch(a -> a.getResourceType() == Resources.GROUP.resourceType() && !a.isPermissionGranted(Permissions.UPDATE)
                        && !a.isPermissionGranted(Permissions.DELETE));
    }
}
