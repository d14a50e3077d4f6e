package com.claimflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The user name tried, as it goes into the audit trail's 64-character actor column. */
class LoginAuditActorTest {
    @Test
    void aLongOrOddUserNameIsCutAndCleanedForTheAuditTrail() {
        assertThat(CamundaIdentityAuthenticationProvider.actor("carla")).isEqualTo("carla");
        assertThat(CamundaIdentityAuthenticationProvider.actor(null)).isEqualTo("(none)");
        assertThat(CamundaIdentityAuthenticationProvider.actor("a\u0000b\nc")).isEqualTo("a?b?c");
        String cut = CamundaIdentityAuthenticationProvider.actor("x".repeat(62) + "\uD83D\uDE00" + "y".repeat(10));
        assertThat(cut).hasSizeLessThanOrEqualTo(64).endsWith("…");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
    }
}
