package com.claimflow.eligibility.x12;

import com.claimflow.eligibility.EligibilityInquiry;
import com.claimflow.x12.Interchange;
import com.claimflow.x12.X12SegmentWriter;
import io.xlate.edi.stream.EDIStreamException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * Writes one 270 eligibility inquiry (005010X279A1) as its own interchange: information source (2000A, the payer),
 * receiver (2000B, the provider), subscriber (2000C) and, when the patient is a dependent, 2000D. The trace number
 * (TRN*1, at the patient's level) is what the payer's 271 echoes back (TRN*2) and how the answer finds its inquiry.
 */
public final class Eligibility270Writer {
    public static final String VERSION = "005010X279A1";
    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private Eligibility270Writer() {
    }

    /**
     * @param originator TRN03, the inquirer's 10-character company id ("1" + EIN or "9" + an assigned number)
     */
    public static String write(Interchange interchange, String traceNumber, String originator, EligibilityInquiry q) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            X12SegmentWriter w = X12SegmentWriter.open(out, interchange);
            w.segment("GS", (Object[]) interchange.gs("HS", VERSION));
            int count = 0;
            String st = "0001";
            w.segment("ST", "270", st, VERSION);
            count++;
            // BHT02 13 request; BHT03 our reference (the trace number again, unique per inquiry)
            w.segment("BHT", "0022", "13", traceNumber, interchange.createdAt().format(D8), interchange.createdAt().format(HHMM));
            count++;
            w.segment("HL", "1", "", "20", "1");
            w.segment("NM1", "PR", "2", X12SegmentWriter.text(q.payerName(), 60), "", "", "", "", "PI", q.payerId());
            w.segment("HL", "2", "1", "21", "1");
            w.segment("NM1", "1P", "2", X12SegmentWriter.text(q.providerName(), 60), "", "", "", "", "XX", q.providerNpi());
            count += 4;
            boolean dependent = q.dependent() != null;
            w.segment("HL", "3", "2", "22", dependent ? "1" : "0");
            count++;
            if (!dependent) {
                w.segment("TRN", "1", traceNumber, originator);
                count++;
            }
            w.segment("NM1", "IL", "1", X12SegmentWriter.text(q.subscriberLastName(), 60), X12SegmentWriter.text(q.subscriberFirstName(), 35),
                    "", "", "", "MI", q.memberId());
            count++;
            if (q.subscriberBirthDate() != null) {
                w.segment("DMG", "D8", q.subscriberBirthDate().format(D8), sex(q.subscriberSex()));
                count++;
            }
            if (!dependent) {
                count += question(w, q);
            } else {
                EligibilityInquiry.Dependent d = q.dependent();
                w.segment("HL", "4", "3", "23", "0");
                w.segment("TRN", "1", traceNumber, originator);
                w.segment("NM1", "03", "1", X12SegmentWriter.text(d.lastName(), 60), X12SegmentWriter.text(d.firstName(), 35));
                w.segment("DMG", "D8", d.birthDate().format(D8), sex(d.sex()));
                w.segment("INS", "N", d.relationship());
                count += 5 + question(w, q);
            }
            w.segment("SE", Integer.toString(count + 1), st);
            w.segment("GE", "1", interchange.groupControlNumber());
            w.segment("IEA", "1", interchange.isaControlNumber());
            w.end();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("270 for trace " + traceNumber + " could not be written: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** 2100C/D DTP*291 (the date of service as the plan date asked about) and 2110C/D EQ*30 (health benefit plan coverage). */
    private static int question(X12SegmentWriter w, EligibilityInquiry q) throws EDIStreamException {
        w.segment("DTP", "291", "D8", q.dateOfService().format(D8));
        w.segment("EQ", "30");
        return 2;
    }

    private static String sex(String s) {
        return s == null || s.isBlank() ? "U" : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
    }
}
