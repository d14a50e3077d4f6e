package com.claimflow.remittance.x12;

import com.claimflow.x12.X12Issue;
import java.util.List;

/**
 * What a 277CA says about each claim (2200D): our patient control number (TRN02, the 837's CLM01), the payer's
 * claim control number (REF*1K) and every STC with category, status and entity codes; and what it says above the
 * claims, about the information receiver (2000B: the submitter, i.e. the whole file) and each billing provider (2000C).
 */
public record ClaimStatus277(List<ClaimAck> claims, List<ProviderStatus> providers, List<X12Issue> issues) {

    /**
     * The STC statuses of an information receiver (2000B, {@code level} "2000B") or billing provider (2000C) with the
     * entity's name and id (NM103, NM109) and how many claims (2000D) the file lists under it.
     */
    public record ProviderStatus(int segmentNumber, String level, String entityName, String entityId, List<Status> statuses, int claims) {
        /** Rejected when any of its STC is in a rejection category: none of the claims under it goes on. */
        public boolean rejects() {
            return statuses.stream().anyMatch(Status::rejects);
        }

        /** "2000C billing provider RIVERSIDE FAMILY CLINIC (1234567893)". */
        public String describe() {
            return level + (level.equals("2000B") ? " information receiver (the whole file)" : " billing provider")
                    + (entityName == null || entityName.isEmpty() ? "" : " " + entityName) + (entityId == null || entityId.isEmpty() ? "" : " (" + entityId + ")");
        }

        public String reason() {
            return String.join("; ", statuses.stream().map(Status::toString).toList());
        }
    }

    public record ClaimAck(int segmentNumber, String patientControlNumber, String payerClaimNumber, List<Status> statuses) {
        /** Rejected when any STC is in a rejection category (A3, A4, A6, A7, A8); accepted categories are A0, A1, A2, A5. */
        public boolean accepted() {
            return !statuses.isEmpty() && statuses.stream().noneMatch(Status::rejects);
        }

        public String reason() {
            return String.join("; ", statuses.stream().map(Status::toString).toList());
        }
    }

    public record Status(String category, String code, String entity, String description) {
        public boolean rejects() {
            return List.of("A3", "A4", "A6", "A7", "A8", "E0", "E1", "E2", "E3", "E4").contains(category);
        }

        @Override
        public String toString() {
            return category + ":" + code + (entity == null || entity.isEmpty() ? "" : ":" + entity) + (description == null ? "" : " " + description);
        }
    }
}
