package com.claimflow.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Full-size synthetic reference files in the CMS layouts (no real descriptors): for the benchmarks only. */
final class SyntheticReference {
    static final String[] WORDS = ("acute chronic fracture left right upper lower limb pain infection of the with without complication type "
            + "diabetes mellitus kidney disease stage neoplasm malignant benign hypertension heart failure pressure ulcer foot ankle knee hip "
            + "shoulder elbow wrist hand finger toe displaced nondisplaced initial subsequent encounter sequela open closed injury burn degree "
            + "poisoning accidental intentional adverse effect underdosing pregnancy trimester newborn congenital deformity syndrome disorder "
            + "anxiety depressive episode severe moderate mild unspecified other specified lumbar cervical thoracic spine disc displacement "
            + "asthma bronchitis pneumonia influenza virus bacterial viral fungal sepsis shock anemia deficiency obesity vitamin screening "
            + "examination history personal family long term current use drug therapy dependence abuse alcohol opioid").split(" ");

    private SyntheticReference() {
    }

    /** An ICD-10-CM order file with {@code n} codes: each 3-character category is a header with billable children. */
    static Path icdOrderFile(Path dir, int n) throws IOException {
        Path file = dir.resolve("icd10cm_order_2026.txt");
        SplittableRandom r = new SplittableRandom(42);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            int order = 0;
            outer:
            for (char letter = 'A'; letter <= 'Z'; letter++) {
                if (letter == 'U') continue;
                for (int cat = 0; cat < 100; cat++) {
                    String category = letter + String.format("%02d", cat);
                    String head = words(r, 3);
                    line(w, ++order, category, false, head);
                    int children = 20 + r.nextInt(40);
                    for (int c = 0; c < children; c++) {
                        String code = category + Integer.toString(c % 10) + (c >= 10 ? String.valueOf((char) ('A' + c / 10)) : "");
                        line(w, ++order, code, true, head + ", " + words(r, 4));
                        if (order >= n) break outer;
                    }
                }
            }
        }
        return file;
    }

    private static void line(BufferedWriter w, int order, String code, boolean billable, String description) throws IOException {
        String shortD = description.length() > 60 ? description.substring(0, 60) : description;
        w.write(String.format("%05d %-7s %s %-60s %s%n", order % 100000, code, billable ? "1" : "0", shortD, description));
    }

    /** A HCPCS alpha-numeric file with {@code n} procedure codes (320-character records, one line each). */
    static Path hcpcsFile(Path dir, int n) throws IOException {
        Path file = dir.resolve("HCPC2026_JAN_ANWEB.txt");
        SplittableRandom r = new SplittableRandom(7);
        String[] letters = {"A", "B", "C", "E", "G", "H", "J", "K", "L", "M", "P", "Q", "S", "T", "V"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            int written = 0;
            for (String l : letters) {
                for (int i = 0; i < 10000 && written < n; i += 1 + r.nextInt(3), written++) {
                    String code = l + String.format("%04d", i);
                    String d = words(r, 6);
                    StringBuilder rec = new StringBuilder();
                    rec.append(code).append("00100").append('3').append(pad(d, 80)).append(pad(d, 28));
                    while (rec.length() < 268) rec.append(' ');
                    rec.append("20000101").append("20000101").append("        ").append('N');
                    while (rec.length() < 320) rec.append(' ');
                    w.write(rec.toString());
                    w.newLine();
                }
            }
        }
        return file;
    }

    /** Five-digit procedure codes used by the NCCI tables and claims: CPT-like numbers and some HCPCS. */
    static List<String> procedureCodes(int n) {
        List<String> codes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) codes.add(i % 8 == 7 ? "J" + String.format("%04d", i / 8) : String.format("%05d", 10000 + i * 7));
        return codes;
    }

    /**
     * A practitioner PTP file in the CMS tab-delimited layout with about {@code rows} rows: each of the codes is column 1
     * of {@code rows / codes} edits. Indicator: 0 for 20%, 1 for 75%, 9 for 5%; 10% deleted.
     */
    static Path ptpFile(Path dir, List<String> codes, int rows) throws IOException {
        Path file = dir.resolve("ptp_practitioner_synthetic.txt");
        DateTimeFormatter f = DateTimeFormatter.BASIC_ISO_DATE;
        SplittableRandom r = new SplittableRandom(11);
        int per = Math.max(1, rows / codes.size());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            w.write("Synthetic NCCI PTP file in the CMS layout (benchmark)\n");
            w.write("Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale\n");
            for (int i = 0; i < codes.size(); i++) {
                for (int k = 1; k <= per; k++) {
                    String c2 = codes.get((i + k * 13) % codes.size());
                    if (c2.equals(codes.get(i))) continue;
                    int p = r.nextInt(100);
                    String ind = p < 20 ? "0" : p < 95 ? "1" : "9";
                    LocalDate eff = LocalDate.of(2000 + r.nextInt(20), 1 + 3 * r.nextInt(4), 1);
                    String del = r.nextInt(10) == 0 ? eff.plusYears(1 + r.nextInt(5)).format(f) : "*";
                    w.write(codes.get(i) + "\t" + c2 + "\t" + (eff.getYear() < 2001 ? "*" : "") + "\t" + eff.format(f) + "\t" + del + "\t" + ind
                            + "\tMisuse of column two code with column one code\n");
                }
            }
        }
        return file;
    }

    static Path mueFile(Path dir, List<String> codes) throws IOException {
        Path file = dir.resolve("mue_practitioner_2026Q1.csv");
        SplittableRandom r = new SplittableRandom(5);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("\"HCPCS/CPT Code\",\"Practitioner Services MUE Values\",\"MUE Adjudication Indicator\",\"MUE Rationale\"\n");
            for (String c : codes) {
                int ind = 1 + r.nextInt(3);
                w.write("\"" + c + "\",\"" + (1 + r.nextInt(4)) + "\",\"" + ind + (ind == 1 ? " Line Edit" : " Date of Service Edit: Policy")
                        + "\",\"Nature of Service/Procedure\"\n");
            }
        }
        return file;
    }

    private static String words(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(' ');
            b.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s.substring(0, n) : s + " ".repeat(n - s.length());
    }
}
