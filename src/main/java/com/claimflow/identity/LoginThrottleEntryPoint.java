package com.claimflow.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The API's answer to a failed HTTP Basic login: 429 with Retry-After (RFC 6585 section 4) while the throttle refuses,
 * otherwise what {@code others} answers (401).
 */
public class LoginThrottleEntryPoint implements AuthenticationEntryPoint {
    private final AuthenticationEntryPoint others;

    public LoginThrottleEntryPoint(AuthenticationEntryPoint others) {
        this.others = others;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException, ServletException {
        if (e instanceof LoginThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(LoginThrottledException.seconds(throttled.retryAfter())));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        } else {
            others.commence(request, response, e);
        }
    }
}
