package com.claimflow.reference;

/**
 * A National Provider Identifier: ten digits whose last is a Luhn check digit
 * computed over the prefix 80840 and the first nine digits.
 */
public record Npi(String value) {

    public Npi {
        if (!isValid(value)) {
            throw new IllegalArgumentException("NPI '" + value + "' is not valid: ten digits with a Luhn check digit (prefix 80840) expected");
        }
    }

    public static Npi of(String value) {
        return new Npi(value);
    }

    public static boolean isValid(String value) {
        if (value == null || value.length() != 10) return false;
        for (int i = 0; i < 10; i++) {
            if (!Character.isDigit(value.charAt(i))) return false;
        }
        return checkDigit(value.substring(0, 9)) == value.charAt(9) - '0';
    }

    /** The check digit for the first nine digits of an NPI. */
    public static int checkDigit(String firstNine) {
        String digits = "80840" + firstNine;
        int sum = 0;
        boolean doubleIt = true; // rightmost digit of the payload is doubled
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - (sum % 10)) % 10;
    }

    @Override
    public String toString() {
        return value;
    }
}
