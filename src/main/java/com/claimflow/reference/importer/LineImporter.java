package com.claimflow.reference.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a file in chunks: lines before the first data line are headers (CMS files open with notices and column
 * titles); after it every non-blank line must parse. Malformed lines are collected, writing stops at the first one,
 * and the caller rolls the transaction back: a file with any bad line changes nothing.
 */
abstract class LineImporter<R> implements FileImporter {
    static final int CHUNK = 1000;

    /** True for the first line that is data (not a notice or a column title). */
    protected abstract boolean isData(String line);

    /** The record of a data line, or null to skip it (a line that carries nothing, e.g. a description continuation). */
    protected abstract R parse(ImportRun run, long lineNo, String line) throws FieldError;

    /** Writes one chunk of good records. */
    protected abstract void write(ImportRun run, List<Parsed<R>> chunk);

    /** After the last chunk, when no line was bad. */
    protected void finish(ImportRun run) throws FieldError {
    }

    /** Before the first line (e.g. to check the effective date). */
    protected void start(ImportRun run) throws FieldError {
    }

    record Parsed<R>(long line, R record) {
    }

    @Override
    public void run(ImportRun run, BufferedReader in) throws IOException {
        try {
            start(run);
        } catch (FieldError e) {
            run.error(0, e.getMessage());
            return;
        }
        List<Parsed<R>> chunk = new ArrayList<>(CHUNK);
        boolean data = false;
        long lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            if (line.isBlank()) continue;
            if (!data) {
                if (!isData(line)) continue;
                data = true;
            }
            run.rowsRead++;
            try {
                R r = parse(run, lineNo, line);
                if (r != null && !run.failed()) chunk.add(new Parsed<>(lineNo, r));
            } catch (FieldError e) {
                run.error(lineNo, e.getMessage());
            }
            if (chunk.size() >= CHUNK) {
                if (!run.failed()) write(run, chunk);
                chunk.clear();
            }
        }
        if (!data) {
            run.error(0, "no data line found (is this the right file for this import?)");
            return;
        }
        if (!run.failed() && !chunk.isEmpty()) write(run, chunk);
        if (!run.failed()) {
            try {
                finish(run);
            } catch (FieldError e) {
                run.error(0, e.getMessage());
            }
        }
    }
}
