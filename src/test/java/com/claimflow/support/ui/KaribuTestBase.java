package com.claimflow.support.ui;

import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.identity.Roles;
import com.claimflow.identity.Worker;
import com.claimflow.intake.EncounterRequest;
import com.claimflow.intake.EncounterService;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.VaadinSession;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import kotlin.jvm.functions.Function0;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.ActiveProfiles;

/**
 * Browserless UI tests with Karibu-Testing on the real Spring context (one cached context for every UI test class):
 * the real engine, models, services and H2 database, views built by Spring, and Vaadin's route security fed from
 * Spring Security. The job executor is off in the test profile; {@link #awaitTask} runs an encounter's async
 * continuations itself.
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class KaribuTestBase {
    private static Routes routes;

    @Autowired protected ApplicationContext context;
    @Autowired protected DemoReferenceData referenceData;
    @Autowired protected DemoUsers demoUsers;
    @Autowired protected EncounterService encounters;
    @Autowired protected WorkQueueService queues;
    @Autowired protected ManagementService management;
    @Autowired protected RuntimeService runtime;

    @BeforeAll
    static void discoverRoutes() {
        if (routes == null) routes = new Routes().autoDiscoverViews("com.claimflow");
    }

    @BeforeEach
    void setUpVaadin() {
        referenceData.load();
        demoUsers.load();
        SecurityContextHolder.clearContext();
        // what Spring Security's servlet filter would do for a real request: the request knows the signed-in user
        MockVaadin.setMockRequestFactory(SpringSecurityRequest::new);
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /**
     * Signs a person in with the groups given (as roles {@code ROLE_<GROUP>}), as the login form would: in Spring
     * Security's context and in the session, where Vaadin's security context strategy looks for it.
     */
    protected Worker login(String user, String... groups) {
        List<GrantedAuthority> authorities = Arrays.stream(groups).map(Roles::of).<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
        Authentication auth = new UsernamePasswordAuthenticationToken(user, null, authorities);
        SecurityContext securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(auth);
        SecurityContextHolder.setContext(securityContext);
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, securityContext);
        }
        return CurrentWorker.of(auth);
    }

    /** A user id no other test uses, so "my work" holds only what this test put there. */
    protected static String uniqueUser(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected <T extends Component> void navigate(Class<T> view) {
        UI.getCurrent().navigate(view);
    }

    protected void navigate(String location) {
        UI.getCurrent().navigate(location);
    }

    /** The path of the page the UI shows now, e.g. "task/123". */
    protected String currentPath() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    protected long open(EncounterRequest request) {
        return encounters.open(request).id();
    }

    /** Runs the encounter's async continuations (never timers) until the task is open, and returns it. */
    protected WorkItem awaitTask(long encounterId, String taskType) {
        for (int round = 0; round < 100; round++) {
            Optional<WorkItem> task = queues.forEncounter(encounterId).stream().filter(w -> w.taskType().equals(taskType)).findFirst();
            if (task.isPresent()) return task.get();
            // one job at a time: a job changes the instance, so a second one fetched with it could be stale
            Optional<Job> job = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(encounterId)).list().stream()
                    .map(ProcessInstance::getId)
                    .flatMap(pid -> management.createJobQuery().processInstanceId(pid).messages().executable().list().stream())
                    .findFirst();
            if (job.isEmpty()) break;
            management.executeJob(job.get().getId());
        }
        throw new AssertionError("encounter " + encounterId + " never reached " + taskType + "; open tasks: "
                + queues.forEncounter(encounterId).stream().map(WorkItem::taskType).toList());
    }

    protected static <T> List<T> rows(Grid<T> grid) {
        int size = com.github.mvysny.kaributesting.v10.GridKt._size(grid);
        return IntStream.range(0, size).mapToObj(i -> com.github.mvysny.kaributesting.v10.GridKt._get(grid, i)).toList();
    }

    protected static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map(com.github.mvysny.kaributools.NotificationsKt::getText).toList();
    }

    /** A fake request whose user and roles are Spring Security's current authentication, read on every call. */
    static final class SpringSecurityRequest extends FakeRequest {
        SpringSecurityRequest(jakarta.servlet.http.HttpSession session) {
            super(session);
        }

        private static Authentication signedIn() {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken ? null : auth;
        }

        @Override
        public Principal getUserPrincipal() {
            return signedIn();
        }

        @Override
        public String getRemoteUser() {
            Authentication auth = signedIn();
            return auth == null ? null : auth.getName();
        }

        @Override
        public boolean isUserInRole(String role) {
            Authentication auth = signedIn();
            return auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .anyMatch(a -> a.equals(role) || a.equals("ROLE_" + role));
        }
    }
}
