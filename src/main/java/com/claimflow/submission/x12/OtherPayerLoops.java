package com.claimflow.submission.x12;

import static com.claimflow.x12.X12SegmentWriter.text;

import com.claimflow.submission.x12.ClaimDocument.Kind;
import io.xlate.edi.stream.EDIStreamException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coordination-of-benefits loops of a secondary or tertiary claim, as X12 005010X222A1 (837P) and X223A2 (837I)
 * place them: per earlier payer, loop 2320 (SBR other subscriber information, CAS claim-level adjustments, AMT*D payer
 * paid amount, AMT*EAF remaining patient liability, OI), 2330A (NM1*IL the other subscriber) and 2330B (NM1*PR the
 * other payer, DTP*573 its adjudication date when no line carries it, REF*F8 its claim control number); per service
 * line, loop 2430 (SVD line adjudication, CAS line adjustments, DTP*573 adjudication date). The guides' balancing rule
 * holds by construction when the payer's 835 balanced: the claim charge is AMT*D plus every 2320 and 2430 CAS
 * amount, and each line's charge is its SVD02 plus its 2430 CAS amounts.
 */
final class OtherPayerLoops {
    private static final DateTimeFormatter D8 = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** CAS carries at most six reason/amount/quantity triplets per group (CAS02-CAS19). */
    private static final int CAS_TRIPLETS = 6;

    private OtherPayerLoops() {
    }

    /** Loops 2320, 2330A and 2330B for each earlier payer: after the 2310 provider loops, before the first 2400 line. */
    static void otherSubscribers(Claim837Writer w, List<OtherPayer> others) throws EDIStreamException {
        for (OtherPayer o : others) {
            w.seg("SBR", o.responsibility(), o.relationship(), w.id("SBR03", o.groupNumber()), null, null, null, null, null, o.claimFilingCode());
            cas(w, o.adjustments());
            w.seg("AMT", "D", Claim837Writer.amount(o.paid()));
            if (o.remainingPatientLiability() != null && o.remainingPatientLiability().signum() > 0) {
                w.seg("AMT", "EAF", Claim837Writer.amount(o.remainingPatientLiability()));
            }
            // OI03 benefits assignment, OI06 release of information (837P requires OI06; 837I sends it too)
            w.seg("OI", null, null, "Y", null, null, "Y");
            var s = o.subscriber();
            w.seg("NM1", "IL", "1", text(s.lastName(), 60), text(s.firstName(), 35), null, null, null, "MI", w.id("NM109", s.id()));
            w.seg("NM1", "PR", "2", text(o.payer().name(), 60), null, null, null, null, "PI", w.id("NM109", o.payer().id()));
            if (o.lines().isEmpty() && o.adjudicated() != null) w.seg("DTP", "573", "D8", o.adjudicated().format(D8));
            if (o.payerClaimNumber() != null && !o.payerClaimNumber().isBlank()) w.seg("REF", "F8", w.id("REF02", o.payerClaimNumber()));
        }
    }

    /** Loop 2430 for service line {@code lineNo} (1-based), once per earlier payer that paid it: after the line's 2400 segments. */
    static void lineAdjudications(Claim837Writer w, Kind kind, int lineNo, List<OtherPayer> others) throws EDIStreamException {
        for (OtherPayer o : others) {
            for (OtherPayer.LineAdjudication l : o.lines()) {
                if (l.lineNo() != lineNo) continue;
                List<String> composite = new ArrayList<>();
                composite.add("HC");
                composite.add(l.procedureCode());
                for (int i = 0; i < l.modifiers().size() && i < 4; i++) composite.add(l.modifiers().get(i));
                String units = Claim837Writer.amount(l.units() == null ? BigDecimal.ONE : l.units());
                if (kind == Kind.PROFESSIONAL) {
                    w.seg("SVD", w.id("SVD01", o.payer().id()), Claim837Writer.amount(l.paid()), composite.toArray(String[]::new), null, units);
                } else {
                    w.seg("SVD", w.id("SVD01", o.payer().id()), Claim837Writer.amount(l.paid()), composite.toArray(String[]::new), l.revenueCode(), units);
                }
                cas(w, l.adjustments());
                if (o.adjudicated() != null) w.seg("DTP", "573", "D8", o.adjudicated().format(D8));
            }
        }
    }

    /** CAS segments: one per group code in the order first seen, at most six triplets each (more start another CAS of the group). */
    private static void cas(Claim837Writer w, List<OtherPayer.Adjustment> adjustments) throws EDIStreamException {
        Map<String, List<OtherPayer.Adjustment>> byGroup = new LinkedHashMap<>();
        for (OtherPayer.Adjustment a : adjustments) byGroup.computeIfAbsent(a.group(), k -> new ArrayList<>()).add(a);
        for (var group : byGroup.entrySet()) {
            List<OtherPayer.Adjustment> all = group.getValue();
            for (int from = 0; from < all.size(); from += CAS_TRIPLETS) {
                List<Object> elements = new ArrayList<>();
                elements.add(group.getKey());
                for (OtherPayer.Adjustment a : all.subList(from, Math.min(all.size(), from + CAS_TRIPLETS))) {
                    elements.add(a.carc());
                    elements.add(Claim837Writer.amount(a.amount()));
                    elements.add(a.quantity() == null ? null : Claim837Writer.amount(a.quantity()));
                }
                while (elements.get(elements.size() - 1) == null) elements.remove(elements.size() - 1);
                w.seg("CAS", elements.toArray());
            }
        }
    }
}
