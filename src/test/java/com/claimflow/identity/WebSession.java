package com.claimflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's session as HTTP: signs in on the UI's login form (with its CSRF token) and calls Camunda's webapps as they call themselves. */
final class WebSession {
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private final int port;
    private final CookieManager cookies = new CookieManager();
    final HttpClient client;

    private WebSession(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static WebSession anonymous(int port) {
        return new WebSession(port);
    }

    /** Signs in as the UI's login form does: the form posts the CSRF token its page carries. */
    static WebSession signIn(int port, String user) throws Exception {
        WebSession session = new WebSession(port);
        HttpResponse<String> login = session.postForm("/login", "username=" + user + "&password=demo&_csrf=" + encode(session.loginToken()));
        assertThat(login.statusCode()).as("sign-in of " + user).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).as("sign-in of " + user).doesNotContain("error");
        return session;
    }

    /** The CSRF token the login page hands out in its {@code _csrf} meta tag. */
    String loginToken() throws Exception {
        HttpResponse<String> page = get("/login");
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("the login page carries a CSRF token").isTrue();
        return m.group(1);
    }

    HttpResponse<String> postForm(String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html,application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A change as Cockpit sends it: JSON (or a multipart body) with the XSRF token Camunda's webapp handed out in its cookie. */
    HttpResponse<String> send(String method, String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Accept", "application/json").method(method, body);
        if (contentType != null) request.header("Content-Type", contentType);
        String xsrf = xsrfToken();
        if (xsrf != null) request.header("X-XSRF-TOKEN", xsrf);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> sendJson(String method, String path, String json) throws Exception {
        return send(method, path, "application/json", json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    }

    String xsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
