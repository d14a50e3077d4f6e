package com.claimflow.remittance.x12;

import com.claimflow.x12.X12Issue;
import java.util.List;

/**
 * What a 999 says: per 837 transaction set (AK2, by its ST02 control number) accepted or rejected, with the
 * segment and element errors (IK3/IK4) as the clearinghouse reported them, and the group verdict (AK9).
 */
public record Ack999(String groupControlNumber, String groupStatus, List<TransactionAck> transactions, List<X12Issue> issues) {

    public record TransactionAck(int segmentNumber, String controlNumber, String status, String reason) {
        /** IK5 A (accepted) and E (accepted with errors) let the claims go on to the payer; R, M, W, X do not. */
        public boolean accepted() {
            return "A".equals(status) || "E".equals(status);
        }
    }
}
