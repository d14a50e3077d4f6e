package com.claimflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CMS MBI format: C A AN N A AN N A A N N, letters without S, L, O, I, B, Z. */
class MbiTest {

    @Test
    void theCmsExampleWithoutDashesIsAValidMbi() {
        assertThat(Mbi.isValid("1EG4TE5MK73")).isTrue();
        assertThat(Mbi.isValid("9AA0AA0AA00")).isTrue();
        assertThat(Mbi.isValid("1A00A00AA00")).isTrue();
        assertThat("1EG4TE5MK73".matches(Mbi.PATTERN)).isTrue();
    }

    @Test
    void everyPositionIsChecked() {
        assertThat(Mbi.isValid("1EG4-TE5-MK73")).as("dashes are print only").isFalse();
        assertThat(Mbi.isValid("0EG4TE5MK73")).as("position 1 is 1-9").isFalse();
        assertThat(Mbi.isValid("11G4TE5MK73")).as("position 2 is a letter").isFalse();
        assertThat(Mbi.isValid("1EGATE5MK73")).as("position 4 is a digit").isFalse();
        assertThat(Mbi.isValid("1EG45E5MK73")).as("position 5 is a letter").isFalse();
        assertThat(Mbi.isValid("1EG4TEAMK73")).as("position 7 is a digit").isFalse();
        assertThat(Mbi.isValid("1EG4TE53K73")).as("position 8 is a letter").isFalse();
        assertThat(Mbi.isValid("1EG4TE5MK7A")).as("position 11 is a digit").isFalse();
        assertThat(Mbi.isValid("1EG4TE5MK7")).as("11 characters").isFalse();
        assertThat(Mbi.isValid("1eg4te5mk73")).as("upper case").isFalse();
        for (char excluded : "SLOIBZ".toCharArray()) {
            assertThat(Mbi.isValid("1" + excluded + "G4TE5MK73")).as(excluded + " is never used").isFalse();
            assertThat(Mbi.isValid("1EG4TE5M" + excluded + "73")).as(excluded + " is never used").isFalse();
        }
    }
}
