package com.claimflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.support.ApiTestBase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One sign-in on the UI's login page opens Camunda's webapps for admins, leads and compliance, and for nobody else. */
class CockpitSingleSignOnIT extends ApiTestBase {
    @LocalServerPort int port;

    @Test
    void anAdminSignedInToTheUiIsSignedInToCockpit() throws Exception {
        WebSession adam = WebSession.signIn(port, "adam");
        // tests give each engine a unique name: ask the webapp which one it serves
        String engines = adam.get("/camunda/api/engine/engine").body();
        String engine = engines.replaceAll("(?s).*\"name\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        HttpResponse<String> definitions = adam.get("/camunda/api/engine/engine/" + engine + "/process-definition/count");
        // the webapps' engine API answers only requests their own authentication accepts: here, the Spring sign-in
        assertThat(definitions.statusCode()).isEqualTo(200);
        long models;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            models = files.filter(f -> f.toString().endsWith(".bpmn")).count();
        }
        assertThat(definitions.body()).contains("\"count\":" + models); // every model in processes/
    }

    @Test
    void aCoderCannotOpenCockpit() throws Exception {
        WebSession carla = WebSession.signIn(port, "carla");
        HttpResponse<String> cockpit = carla.get("/camunda/app/cockpit/default/");
        assertThat(cockpit.statusCode()).isEqualTo(403);
        assertThat(cockpit.body()).contains("you may not open this page");
    }

    @Test
    void aCoderCannotReachTheEngineRest() throws Exception {
        WebSession carla = WebSession.signIn(port, "carla");
        assertThat(carla.get("/camunda/api/engine/engine").statusCode()).isEqualTo(403);
        assertThat(carla.get("/camunda/api/engine/engine/default/process-definition/count").statusCode()).isEqualTo(403);
    }
}
