package com.claimflow.submission.x12;

import com.claimflow.submission.x12.ClaimDocument.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * One 837 file for many claims: an interchange with one functional group around each claim's own transaction set
 * (ST..SE), copied exactly as it was written and validated when the claim was queued. The transaction set keeps its
 * control number (ST02), which {@code x12_claim_transaction} maps to the claim version, so a 999 that rejects one
 * transaction set rejects one claim and no other in the file. Streams: only the part being copied is in memory.
 * See docs/decisions/0006-claim-files-batched-per-payer.md.
 */
public final class Claim837Batch implements AutoCloseable {
    private final Writer out;
    private final Envelope env;
    private final Kind kind;
    private int segments;
    private int transactions;

    /** Where a claim's transaction set sits in the file: segment numbers as the validator counts them (ISA is 1). */
    public record Part(int firstSegment, int lastSegment, String transactionControlNumber) {
        public boolean holds(int segmentNumber) {
            return segmentNumber >= firstSegment && segmentNumber <= lastSegment;
        }
    }

    private Claim837Batch(Writer out, Envelope env, Kind kind) {
        this.out = out;
        this.env = env;
        this.kind = kind;
    }

    public static Claim837Batch open(Writer out, Envelope env, Kind kind) {
        Claim837Batch batch = new Claim837Batch(out, env, kind);
        batch.segment("ISA", env.interchange().isa());
        batch.segment("GS", env.interchange().gs("HC", kind.version));
        return batch;
    }

    /** The kind of claims an outbox format carries (X12_837P, X12_837I). */
    public static Kind kindOf(String format) {
        if (X12ClaimFormat.PROFESSIONAL.equals(format)) return Kind.PROFESSIONAL;
        if (X12ClaimFormat.INSTITUTIONAL.equals(format)) return Kind.INSTITUTIONAL;
        throw new IllegalArgumentException("'" + format + "' is not an X12 837 format");
    }

    /**
     * Copies the transaction set out of a one-claim interchange written by {@link Claim837Writer}.
     *
     * @throws IllegalArgumentException when {@code claimFile} has no complete 837 transaction set of this file's guide
     */
    public Part add(String claimFile) {
        int st = claimFile.indexOf("ST*837*");
        int ge = claimFile.lastIndexOf("GE*");
        if (st < 0 || ge < st || !claimFile.startsWith("ST*837*" + controlOf(claimFile, st) + "*" + kind.version, st)) {
            throw new IllegalArgumentException("not a complete " + kind.version + " transaction set (ST*837 ... SE)");
        }
        String set = claimFile.substring(st, ge);
        int count = 0;
        for (int i = 0; i < set.length(); i++) if (set.charAt(i) == '~') count++;
        try {
            out.write(set);
        } catch (IOException e) {
            throw new UncheckedIOException("837 batch " + env.isaControlNumber() + " could not be written: " + e.getMessage(), e);
        }
        Part part = new Part(segments + 1, segments + count, controlOf(claimFile, st));
        segments += count;
        transactions++;
        return part;
    }

    private static String controlOf(String file, int st) {
        int from = st + "ST*837*".length();
        int end = file.indexOf('*', from);
        return end < 0 ? "" : file.substring(from, end);
    }

    public int transactions() {
        return transactions;
    }

    /** Ends the group and the interchange with their counts. */
    @Override
    public void close() {
        segment("GE", new String[] {String.valueOf(transactions), env.groupControlNumber()});
        segment("IEA", new String[] {"1", env.isaControlNumber()});
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("837 batch " + env.isaControlNumber() + " could not be written: " + e.getMessage(), e);
        }
    }

    private void segment(String id, String[] elements) {
        try {
            out.write(id);
            for (String e : elements) {
                out.write('*');
                out.write(e);
            }
            out.write("~\n");
            segments++;
        } catch (IOException e) {
            throw new UncheckedIOException("837 batch " + env.isaControlNumber() + " could not be written: " + e.getMessage(), e);
        }
    }
}
