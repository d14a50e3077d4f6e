package com.claimflow.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NpiTest {
    @Test
    void acceptsTheCmsExampleAndRejectsAnyOtherCheckDigit() {
        assertThat(Npi.isValid("1234567893")).isTrue(); // the example in CMS's NPI check-digit guidance
        for (int d = 0; d <= 9; d++) {
            if (d != 3) assertThat(Npi.isValid("123456789" + d)).as("check digit %d", d).isFalse();
        }
    }

    @Test
    void refusesWrongLengthAndLettersWithAClearMessage() {
        assertThat(Npi.isValid("123456789")).isFalse();
        assertThat(Npi.isValid("12345678931")).isFalse();
        assertThat(Npi.isValid("12345A7893")).isFalse();
        assertThat(Npi.isValid(null)).isFalse();
        assertThatThrownBy(() -> Npi.of("1234567890")).hasMessageContaining("1234567890").hasMessageContaining("check digit");
    }
}
