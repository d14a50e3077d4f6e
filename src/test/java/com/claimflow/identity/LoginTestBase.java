package com.claimflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.support.ApiTestBase;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Logins as a client sees them: HTTP Basic on the API and the UI's login form, from any client address (the test
 * profile lets Tomcat take X-Forwarded-For from 127.0.0.1), with the test profile's short windows and locks (5 failures
 * per user, 10 per address, within 5 s; locks of 2 s doubling to 4 s).
 */
abstract class LoginTestBase extends ApiTestBase {
    static final String PASSWORD = "correct horse 7";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final Pattern LOGIN_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @Autowired protected JdbcTemplate jdbc;
    @Autowired protected IdentityService identity;
    @LocalServerPort int port;

    @AfterEach
    void forgetFailures() {
        // the context (and on MySQL the database) outlives this class: no lock may reach the next test
        jdbc.update("DELETE FROM login_throttle");
    }

    /** A coder of its own, so no test's guesses lock a demo user. */
    protected String newCoder() {
        String id = "lt" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        User user = identity.newUser(id);
        user.setFirstName("Login");
        user.setLastName("Test");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, "coders");
        return id;
    }

    /** A client address no other test used (TEST-NET-2, RFC 5737). */
    protected static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    protected ResponseEntity<String> basic(String user, String password, String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password, StandardCharsets.UTF_8);
        headers.set("X-Forwarded-For", address);
        return http.exchange("/api/tasks/mine", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** Posts the UI's login form with the CSRF token its page carries; the answer is the redirect (to {@code /login?error} when refused). */
    protected HttpResponse<Void> formLogin(String user, String password, String address) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        URI login = URI.create("http://localhost:" + port + "/login");
        String page = client.send(HttpRequest.newBuilder(login).header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = LOGIN_CSRF.matcher(page);
        assertThat(token.find()).as("the login page carries a CSRF token").isTrue();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(login).header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** Locks the user by the per-user limit: five wrong guesses, each from an address of its own. */
    protected void lockByGuessing(String user) {
        for (int i = 0; i < 5; i++) basic(user, "guess" + i, newAddress());
    }

    /** Waits (at most 15 s) until the user's right password is taken again from a new address. */
    protected ResponseEntity<String> loginOnceTheLockEnds(String user) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        ResponseEntity<String> answer = basic(user, PASSWORD, newAddress());
        while (!answer.getStatusCode().is2xxSuccessful() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            answer = basic(user, PASSWORD, newAddress());
        }
        return answer;
    }

    protected int audited(String actor, String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = ?", Integer.class, actor, action);
    }

    protected String lastDetail(String actor, String action) {
        return jdbc.queryForList("SELECT detail FROM audit_event WHERE actor = ? AND action = ? ORDER BY id DESC", String.class, actor, action)
                .stream().findFirst().orElse(null);
    }
}
