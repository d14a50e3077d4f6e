package com.claimflow.scrub.edits;

import com.claimflow.scrub.ClaimSnapshot.Line;
import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Units above zero, a charge on every line, and a total that equals the sum of the lines. A quality-data line, a CPT
 * Category II code (four digits and F), is valid at $0.00 or $0.01: CMS has quality data codes reported with a $0.00
 * line charge, or $0.01 where the billing system cannot send zero (MIPS claims-based quality reporting).
 */
@Component
public class ChargesEdit implements ClaimEdit {
    private static final BigDecimal ONE_CENT = new BigDecimal("0.01");

    @Override
    public List<Finding> check(ScrubSubject s) {
        List<Finding> found = new ArrayList<>();
        List<Line> lines = s.claim().lines();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String where = "line " + (i + 1);
            if (line.units() <= 0) found.add(Finding.error("UNITS", Owner.CODER, where, "Units must be greater than zero"));
            if (isQualityDataLine(line)) {
                sum = sum.add(line.charge());
            } else if (line.charge() == null || line.charge().signum() <= 0) {
                found.add(Finding.error("CHARGE_MISSING", Owner.BILLER, where,
                        "No charge for " + line.code() + ": the payer's fee schedule has no amount for it on the date of service"));
            } else {
                sum = sum.add(line.charge());
            }
        }
        BigDecimal total = s.claim().totalCharge();
        if (total == null || total.compareTo(sum) != 0) {
            found.add(Finding.error("TOTAL_CHARGE", Owner.BILLER, "totalCharge", "Total charge " + total + " does not equal the sum of the lines " + sum));
        }
        return found;
    }

    /** A CPT Category II code (nnnnF) at $0.00 or $0.01. */
    static boolean isQualityDataLine(Line line) {
        return line.code() != null && line.code().trim().matches("[0-9]{4}[Ff]") && line.charge() != null
                && line.charge().signum() >= 0 && line.charge().compareTo(ONE_CENT) <= 0;
    }
}
