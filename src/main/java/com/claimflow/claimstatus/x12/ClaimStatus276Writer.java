package com.claimflow.claimstatus.x12;

import com.claimflow.claimstatus.ClaimStatusInquiry;
import com.claimflow.x12.Interchange;
import com.claimflow.x12.X12SegmentWriter;
import io.xlate.edi.stream.EDIStreamException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * Writes one 276 claim status request (005010X212) as its own interchange: payer (2000A), information receiver
 * (2000B, us as submitter), service provider (2000C), subscriber (2000D) and the claim status tracking loop (2200D)
 * whose TRN*1 trace number the payer's 277 echoes (TRN*2).
 */
public final class ClaimStatus276Writer {
    public static final String VERSION = "005010X212";
    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private ClaimStatus276Writer() {
    }

    public static String write(Interchange interchange, String traceNumber, ClaimStatusInquiry q) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            X12SegmentWriter w = X12SegmentWriter.open(out, interchange);
            w.segment("GS", (Object[]) interchange.gs("HR", VERSION));
            w.segment("ST", "276", "0001", VERSION);
            w.segment("BHT", "0010", "13", traceNumber, interchange.createdAt().format(D8), interchange.createdAt().format(HHMM));
            w.segment("HL", "1", "", "20", "1");
            w.segment("NM1", "PR", "2", X12SegmentWriter.text(q.payerName(), 60), "", "", "", "", "PI", q.payerId());
            w.segment("HL", "2", "1", "21", "1");
            w.segment("NM1", "41", "2", X12SegmentWriter.text(q.submitterName(), 60), "", "", "", "", "46", q.submitterId());
            w.segment("HL", "3", "2", "19", "1");
            w.segment("NM1", "1P", "2", X12SegmentWriter.text(q.providerName(), 60), "", "", "", "", "XX", q.providerNpi());
            w.segment("HL", "4", "3", "22", "0");
            int count = 9;
            if (q.subscriberBirthDate() != null) {
                // 2000D DMG: required when the subscriber is the patient
                w.segment("DMG", "D8", q.subscriberBirthDate().format(D8), q.subscriberSex() == null || q.subscriberSex().isBlank() ? "U"
                        : q.subscriberSex().substring(0, 1));
                count++;
            }
            w.segment("NM1", "IL", "1", X12SegmentWriter.text(q.subscriberLastName(), 60), X12SegmentWriter.text(q.subscriberFirstName(), 35),
                    "", "", "", "MI", q.memberId());
            w.segment("TRN", "1", traceNumber);
            count += 2;
            if (q.payerClaimNumber() != null && !q.payerClaimNumber().isBlank()) {
                w.segment("REF", "1K", q.payerClaimNumber());
                count++;
            }
            w.segment("REF", "EJ", q.patientControlNumber());
            w.segment("AMT", "T3", q.totalCharge().stripTrailingZeros().toPlainString());
            w.segment("DTP", "472", "RD8", q.dateOfService().format(D8) + "-" + q.dateOfService().format(D8));
            count += 3;
            w.segment("SE", Integer.toString(count + 1), "0001");
            w.segment("GE", "1", interchange.groupControlNumber());
            w.segment("IEA", "1", interchange.isaControlNumber());
            w.end();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("276 for trace " + traceNumber + " could not be written: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
