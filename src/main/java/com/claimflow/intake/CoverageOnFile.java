package com.claimflow.intake;

/**
 * One of the encounter's coverages, in the order the payers answer (1 primary, 2 secondary, 3 tertiary: the 837's
 * SBR01 P, S, T). {@code relationship} is the patient's relationship to the subscriber as X12 individual relationship
 * code (18 self, 01 spouse, 19 child, 20 employee, 21 unknown, 39 organ donor, 40 cadaver donor, 53 life partner, G8
 * other); {@code subscriber} is null when the patient is the subscriber.
 */
public record CoverageOnFile(int order, String payerId, String memberId, String groupNumber, String relationship, Subscriber subscriber) {
    public static final int PRIMARY = 1;
    public static final int SECONDARY = 2;
    public static final int TERTIARY = 3;
    /** X12 individual relationship code: the patient is the subscriber. */
    public static final String SELF = "18";

    public CoverageOnFile {
        if (relationship == null) relationship = SELF;
    }

    public boolean isSelf() {
        return SELF.equals(relationship);
    }

    /** The subscriber's id on the card (2010BA NM109): their own when given, else the coverage's. */
    public String subscriberMemberId() {
        return subscriber != null && subscriber.memberId() != null && !subscriber.memberId().isBlank() ? subscriber.memberId() : memberId;
    }

    /** "primary", "secondary" or "tertiary". */
    public String orderName() {
        return switch (order) {
            case PRIMARY -> "primary";
            case SECONDARY -> "secondary";
            case TERTIARY -> "tertiary";
            default -> "coverage " + order;
        };
    }
}
