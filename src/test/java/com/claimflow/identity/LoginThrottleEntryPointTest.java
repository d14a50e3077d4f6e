package com.claimflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

class LoginThrottleEntryPointTest {
    private final LoginThrottleEntryPoint entryPoint = new LoginThrottleEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));

    @Test
    void aThrottledLoginIs429WithRetryAfterInWholeSecondsRoundedUp() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        entryPoint.commence(new MockHttpServletRequest(), response, new LoginThrottledException(Duration.ofMillis(1500)));
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
    }

    @Test
    void aWrongPasswordIsWhatTheOtherEntryPointAnswers() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        entryPoint.commence(new MockHttpServletRequest(), response, new BadCredentialsException("wrong"));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("Retry-After")).isNull();
    }
}
