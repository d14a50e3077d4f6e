package com.claimflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Every failed login, every form login and every throttled attempt is in the audit trail, with address and channel. */
class LoginAuditIT extends LoginTestBase {

    private static String location(HttpResponse<Void> answer) {
        return answer.headers().firstValue("Location").orElse("");
    }

    @Test
    void aFailedApiLoginIsAuditedWithTheNameTriedButNeverThePassword() {
        String carla = newCoder();
        String address = newAddress();
        basic(carla, "Secret-guess-123", address);
        String detail = lastDetail(carla, CamundaIdentityAuthenticationProvider.LOGIN_FAILED);
        assertThat(detail).contains("address=" + address, "channel=api", "reason=wrong password").doesNotContain("Secret-guess-123");
        assertThat(audited(carla, CamundaIdentityAuthenticationProvider.LOGIN_FAILED)).isEqualTo(1);

        String longName = "n".repeat(300);
        basic(longName, "x", address);
        assertThat(lastDetail("n".repeat(63) + "…", CamundaIdentityAuthenticationProvider.LOGIN_FAILED)).contains("reason=unknown user");
    }

    @Test
    void formLoginsSucceedingAndFailingAreAudited() throws Exception {
        String carla = newCoder();
        String address = newAddress();
        HttpResponse<Void> wrong = formLogin(carla, "wrong", address);
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(location(wrong)).contains("error");
        assertThat(lastDetail(carla, CamundaIdentityAuthenticationProvider.LOGIN_FAILED)).contains("address=" + address, "channel=ui");

        HttpResponse<Void> right = formLogin(carla, PASSWORD, address);
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(location(right)).doesNotContain("error");
        assertThat(lastDetail(carla, CamundaIdentityAuthenticationProvider.LOGIN_SUCCEEDED)).contains("address=" + address, "channel=ui");
    }

    @Test
    void aThrottledFormLoginShowsTheErrorAndIsAudited() throws Exception {
        String carla = newCoder();
        // the first failure on the form (which also gets the HTTP client going), four more by HTTP Basic: locked
        assertThat(location(formLogin(carla, "wrong", newAddress()))).contains("error");
        for (int i = 0; i < 4; i++) basic(carla, "guess" + i, newAddress());
        HttpResponse<Void> right = formLogin(carla, PASSWORD, newAddress());
        assertThat(location(right)).contains("error");
        assertThat(lastDetail(carla, CamundaIdentityAuthenticationProvider.LOGIN_THROTTLED)).contains("channel=ui", "locked=user", "retryAfter=");
        assertThat(audited(carla, CamundaIdentityAuthenticationProvider.LOGIN_FAILED)).isEqualTo(5);
    }

    @Test
    void successfulApiRequestsAreAuditedOnlyWhenThePasswordIsActuallyChecked() {
        String carla = newCoder();
        for (int i = 0; i < 5; i++) basic(carla, PASSWORD, newAddress());
        // the first request checks the password; the next four within claimflow.identity.verified-for are taken from the cache
        assertThat(audited(carla, CamundaIdentityAuthenticationProvider.LOGIN_SUCCEEDED)).isEqualTo(1);
    }
}
