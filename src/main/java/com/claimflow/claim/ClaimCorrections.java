package com.claimflow.claim;

import com.claimflow.base.BadInputException;
import com.claimflow.claim.ClaimCorrection.CorrectedLine;
import com.claimflow.claim.internal.ClaimLineEntity;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.InputRules;
import com.claimflow.reference.CodeCheck;
import com.claimflow.reference.ReferenceService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The checks on a {@link ClaimCorrection}: every code against the code sets on the date of service, every number in range. */
final class ClaimCorrections {
    private static final int MAX_DIAGNOSES = 12;
    private static final int MAX_UNITS = 9999;
    /** The claim_line column holds DECIMAL(12,2). */
    private static final BigDecimal MAX_CHARGE = new BigDecimal("9999999999.99");

    private ClaimCorrections() {
    }

    static List<ClaimLineEntity> checked(ClaimCorrection correction, List<String> diagnoses, Encounter e, ReferenceService reference) {
        if (correction.lines().isEmpty()) throw new BadInputException("lines", "enter at least one line, e.g. " + ClaimCorrection.EXAMPLE);
        InputRules.checkLineCount("lines", correction.lines().size(), e.claimType());
        if (diagnoses.isEmpty()) throw new BadInputException("diagnoses", "enter at least one diagnosis code, e.g. I10");
        if (diagnoses.size() > MAX_DIAGNOSES) throw new BadInputException("diagnoses", "at most " + MAX_DIAGNOSES + " diagnoses on a claim");
        for (int i = 0; i < diagnoses.size(); i++) {
            CodeCheck check = reference.checkDiagnosis(diagnoses.get(i), e.dateOfService());
            if (!check.isOk()) throw new BadInputException("diagnoses", "diagnosis " + (i + 1) + " " + check.problem());
        }
        List<ClaimLineEntity> lines = new ArrayList<>();
        for (int i = 0; i < correction.lines().size(); i++) {
            lines.add(new ClaimLineEntity(line(correction.lines().get(i), i + 1, diagnoses.size(), e, reference)));
        }
        return lines;
    }

    private static ClaimLine line(CorrectedLine l, int n, int diagnoses, Encounter e, ReferenceService reference) {
        CodeCheck code = reference.checkProcedure(l.code(), e.dateOfService());
        if (!code.isOk()) throw new BadInputException(ClaimCorrection.field(n, "code"), code.problem());
        if (l.modifiers().size() > 4) throw new BadInputException(ClaimCorrection.field(n, "modifiers"), "at most 4 modifiers on a line");
        for (String m : l.modifiers()) {
            CodeCheck modifier = reference.checkModifier(m, e.dateOfService());
            if (!modifier.isOk()) throw new BadInputException(ClaimCorrection.field(n, "modifiers"), modifier.problem());
        }
        if (l.units() < 1 || l.units() > MAX_UNITS) {
            throw new BadInputException(ClaimCorrection.field(n, "units"), "units must be between 1 and " + MAX_UNITS + ", not " + l.units());
        }
        if (l.charge().signum() <= 0 || l.charge().scale() > 2 || l.charge().compareTo(MAX_CHARGE) > 0) {
            throw new BadInputException(ClaimCorrection.field(n, "charge"), "the charge must be more than 0 with at most two decimals, not " + l.charge());
        }
        if (l.pointers().isEmpty() || l.pointers().size() > 4) {
            throw new BadInputException(ClaimCorrection.field(n, "pointers"), "point at 1 to 4 of the claim's diagnoses, e.g. 1,2");
        }
        for (int p : l.pointers()) {
            if (p < 1 || p > diagnoses) {
                throw new BadInputException(ClaimCorrection.field(n, "pointers"), "diagnosis pointer " + p + " must be between 1 and " + diagnoses
                        + " (the claim has " + diagnoses + " diagnosis code" + (diagnoses == 1 ? "" : "s") + ")");
            }
        }
        return new ClaimLine(l.code(), l.modifiers(), l.units(), l.charge().setScale(2), l.pointers(), e.revenueCodeFor(l.code()));
    }
}
