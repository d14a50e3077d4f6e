package com.claimflow.scrub;

/** One edit raised on a claim: which rule, how bad, who fixes it, where, and what to do. */
public record Finding(String editId, Severity severity, Owner owner, String location, String message) {

    public enum Severity { ERROR, WARNING }

    /** Who fixes it: the coder (codes, pointers, units) or the biller (demographics, insurance, providers, charges). */
    public enum Owner {
        CODER("coders"), BILLER("billers");

        private final String queue;

        Owner(String queue) {
            this.queue = queue;
        }

        public String queue() {
            return queue;
        }
    }

    public static Finding error(String editId, Owner owner, String location, String message) {
        return new Finding(editId, Severity.ERROR, owner, location, message);
    }

    public static Finding warning(String editId, Owner owner, String location, String message) {
        return new Finding(editId, Severity.WARNING, owner, location, message);
    }
}
