package com.claimflow.scrub.edits;

import com.claimflow.reference.Nubc;
import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Fields every claim needs before a payer will read it; an institutional claim also its type of bill and revenue codes. */
@Component
public class RequiredFieldsEdit implements ClaimEdit {
    static final String ID = "REQUIRED_FIELD";

    @Override
    public List<Finding> check(ScrubSubject s) {
        List<Finding> found = new ArrayList<>();
        var c = s.claim();
        if (blank(c.memberId())) found.add(Finding.error(ID, Owner.BILLER, "subscriber.memberId", "Subscriber member id is missing: take it from the insurance card"));
        if (s.payer() == null) found.add(Finding.error(ID, Owner.BILLER, "payerId", "Payer " + c.payerId() + " is not on file"));
        if (blank(c.placeOfService())) found.add(Finding.error(ID, Owner.BILLER, "placeOfService", "Place of service is missing"));
        if (c.diagnoses().isEmpty()) found.add(Finding.error(ID, Owner.CODER, "diagnoses", "The claim has no diagnosis code"));
        if (c.lines().isEmpty()) found.add(Finding.error(ID, Owner.CODER, "lines", "The claim has no service line"));
        if (s.reference().provider(c.billingNpi()).isEmpty()) {
            found.add(Finding.error(ID, Owner.BILLER, "billingProvider", "Billing provider " + c.billingNpi() + " is not on file"));
        }
        if (c.isInstitutional()) institutional(c, found);
        return found;
    }

    private static void institutional(com.claimflow.scrub.ClaimSnapshot c, List<Finding> found) {
        if (!Nubc.isFacilityType(c.facilityTypeCode())) {
            found.add(Finding.error(ID, Owner.BILLER, "typeOfBill", "Type of bill is missing or not valid (facility type '"
                    + (c.facilityTypeCode() == null ? "" : c.facilityTypeCode()) + "'): intake must send the UB-04 data"));
        }
        for (int i = 0; i < c.lines().size(); i++) {
            String revenue = c.lines().get(i).revenueCode();
            if (!Nubc.isRevenueCode(revenue)) {
                found.add(Finding.error(ID, Owner.BILLER, "lines[" + (i + 1) + "].revenueCode", "Line " + (i + 1) + " (" + c.lines().get(i).code()
                        + ") has " + (revenue == null ? "no revenue code" : "revenue code '" + revenue + "', not a NUBC code")
                        + ": an institutional claim bills every line under one"));
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
