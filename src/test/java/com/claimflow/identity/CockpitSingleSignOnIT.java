package com.claimflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.support.ApiTestBase;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One sign-in on the UI's login page opens Camunda's webapps for admins, leads and compliance, and for nobody else. */
class CockpitSingleSignOnIT extends ApiTestBase {
    @LocalServerPort int port;

    private HttpClient signedIn(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        client.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> login = client.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return client;
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void anAdminSignedInToTheUiIsSignedInToCockpit() throws Exception {
        HttpClient adam = signedIn("adam");
        // tests give each engine a unique name: ask the webapp which one it serves
        String engines = adam.send(HttpRequest.newBuilder(url("/camunda/api/engine/engine")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String engine = engines.replaceAll("(?s).*\"name\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        HttpResponse<String> definitions = adam.send(HttpRequest.newBuilder(url("/camunda/api/engine/engine/" + engine + "/process-definition/count")).build(),
                HttpResponse.BodyHandlers.ofString());
        // the webapps' engine API answers only requests their own authentication accepts: here, the Spring sign-in
        assertThat(definitions.statusCode()).isEqualTo(200);
        assertThat(definitions.body()).contains("\"count\":10"); // the ten models in processes/
    }

    @Test
    void aCoderCannotOpenCockpit() throws Exception {
        HttpClient carla = signedIn("carla");
        HttpResponse<String> cockpit = carla.send(HttpRequest.newBuilder(url("/camunda/app/cockpit/default/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cockpit.statusCode()).isEqualTo(403);
    }
}
