package com.claimflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.support.ApiTestBase;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The session cookie, the login form's CSRF protection and the headers on the UI and on Cockpit. */
class SessionAndHeadersIT extends ApiTestBase {
    @LocalServerPort int port;
    @Autowired ProcessEngine engine;

    private String cockpit() {
        return "/camunda/app/cockpit/" + engine.getName() + "/";
    }

    @Test
    void aLoginPostedWithoutTheFormsTokenSignsNobodyIn() throws Exception {
        WebSession elsewhere = WebSession.anonymous(port);
        elsewhere.get("/login");
        HttpResponse<String> forged = elsewhere.postForm("/login", "username=adam&password=demo");
        assertThat(forged.headers().firstValue("Location").orElse("")).as("not signed in").doesNotEndWith(":" + port + "/");
        HttpResponse<String> after = elsewhere.get(cockpit());
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void theLoginFormWithItsTokenSignsIn() throws Exception {
        WebSession adam = WebSession.signIn(port, "adam");
        assertThat(adam.get(cockpit()).statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> login = WebSession.anonymous(port).get("/login");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void theUiSendsAContentSecurityPolicyAndNoFramingOrSniffing() throws Exception {
        HttpResponse<String> login = WebSession.anonymous(port).get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'self'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
    }

    @Test
    void cockpitIsFramedOnlyBySameOriginAndKeepsItsOwnPolicy() throws Exception {
        HttpResponse<String> cockpit = WebSession.signIn(port, "adam").get(cockpit());
        assertThat(cockpit.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
        assertThat(cockpit.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        // Camunda's webapp sets its own policy; the UI's would break Cockpit, so there is exactly one
        assertThat(cockpit.headers().allValues("Content-Security-Policy")).hasSize(1);
    }
}
