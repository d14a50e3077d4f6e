package com.claimflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.identity.Worker;
import com.claimflow.support.ApiTestBase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Whether an uploaded table survives a restart: the start-up auto-deployment of the Camunda Spring Boot starter is run
 * again exactly as a start runs it (its own {@code autoDeployResources}, with the starter's resources and name). It
 * filters duplicates against the latest deployment of its own name, so unchanged shipped files deploy nothing and the
 * upload stays the latest version; a release that changes a shipped file redeploys the whole set, and the shipped
 * tables are the newest versions until an admin restores theirs (docs/decisions/0012).
 */
class RulesSurviveRestartIT extends ApiTestBase {
    private static final Worker ADMIN = new Worker("adam", Set.of("admins"));
    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired RulesService rules;

    @AfterEach
    void shippedTablesAgain() {
        RuleFiles.resetToShipped(repository);
    }

    private SpringProcessEngineConfiguration startUp() {
        return (SpringProcessEngineConfiguration) ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    }

    private void runStartUpDeployment() {
        ReflectionTestUtils.invokeMethod(startUp(), "autoDeployResources", engine);
    }

    @Test
    void anUploadedTableIsStillTheLatestVersionAfterTheStartUpDeploymentRunsAgain() {
        assertThat(startUp().getDeploymentName()).isEqualTo(RulesService.SHIPPED_DEPLOYMENT);
        assertThat(startUp().getDeploymentResources()).extracting(Resource::getFilename).contains("task-priority.dmn", "sla-policy.dmn");
        RuleVersion uploaded = rules.deploy("task-priority", RuleFiles.everyTaskPriority(7).getBytes(StandardCharsets.UTF_8), "kept over a restart", ADMIN);
        long deployments = repository.createDeploymentQuery().count();

        runStartUpDeployment();

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        RuleVersion current = rules.current("task-priority", ADMIN);
        assertThat(current.version()).isEqualTo(uploaded.version());
        assertThat(current.reason()).isEqualTo("kept over a restart");
    }

    /**
     * A release is simulated with the starter's own method on a copy of the shipped tables under a deployment name of
     * the test's (only the tables: redeploying every process here would change the process counts other tests read).
     */
    @Test
    void aReleaseThatChangesAShippedFileMakesTheShippedTablesNewestUntilAnAdminRestoresTheirs() throws Exception {
        SpringProcessEngineConfiguration config = startUp();
        String name = config.getDeploymentName();
        Resource[] resources = config.getDeploymentResources();
        Path release = Files.createTempDirectory("claimflow-release");
        try {
            List<Resource> tables = new ArrayList<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.dmn")) {
                Path copy = release.resolve(r.getFilename());
                try (InputStream in = r.getInputStream()) {
                    Files.copy(in, copy);
                }
                tables.add(new FileSystemResource(copy));
            }
            config.setDeploymentName("release-test-" + System.nanoTime());
            config.setDeploymentResources(tables.toArray(Resource[]::new));
            runStartUpDeployment();
            RuleVersion shipped = rules.current("payer-rules", ADMIN);
            RuleVersion mine = rules.deploy("payer-rules", RuleFiles.shipped(RuleTable.PAYER_RULES).replace("&quot;BCBS&quot;", "&quot;BCBS-TX&quot;")
                    .getBytes(StandardCharsets.UTF_8), "BCBS Texas only", ADMIN);

            runStartUpDeployment();
            assertThat(rules.current("payer-rules", ADMIN).version()).as("same release, restarted").isEqualTo(mine.version());

            Path priority = release.resolve("task-priority.dmn");
            Files.writeString(priority, Files.readString(priority).replace("<text>95</text>", "<text>96</text>"));
            runStartUpDeployment();
            RuleVersion afterRelease = rules.current("payer-rules", ADMIN);
            assertThat(afterRelease.version()).as("the unchanged payer rules came back with the release").isGreaterThan(mine.version());
            assertThat(afterRelease.deployedBy()).isNull();
            assertThat(new String(rules.dmn("payer-rules", afterRelease.version(), ADMIN), StandardCharsets.UTF_8))
                    .isEqualTo(new String(rules.dmn("payer-rules", shipped.version(), ADMIN), StandardCharsets.UTF_8));

            RuleVersion restored = rules.restore("payer-rules", mine.version(), "our BCBS rule again after the release", ADMIN);
            assertThat(restored.restoredFrom()).isEqualTo(mine.version());
            assertThat(new String(rules.dmn("payer-rules", restored.version(), ADMIN), StandardCharsets.UTF_8)).contains("&quot;BCBS-TX&quot;");
        } finally {
            config.setDeploymentName(name);
            config.setDeploymentResources(resources);
        }
    }
}
