package com.claimflow.claim;

import com.claimflow.base.BadInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a biller changes on a claim the payer denied or rejected: its service lines, diagnoses, member id and prior
 * authorization (null: keep what is on file). {@link ClaimService#correct} checks the codes and stores it. Fields are
 * named as the form names them, lines 1-based: {@code lines[2].code}.
 */
public record ClaimCorrection(List<CorrectedLine> lines, List<String> diagnoses, String memberId, String priorAuthorization) {
    public static final String EXAMPLE = "99213 25 1 92.00 1,2";

    public ClaimCorrection {
        lines = List.copyOf(lines);
        diagnoses = List.copyOf(diagnoses);
    }

    /** One line as the biller wrote it: procedure code, modifiers, units, charge and diagnosis pointers (1-based). */
    public record CorrectedLine(String code, List<String> modifiers, int units, BigDecimal charge, List<Integer> pointers) {
    }

    /** The field a line's part is reported under, e.g. {@code lines[2].code}. */
    public static String field(int line, String part) {
        return "lines[" + line + "]." + part;
    }

    /**
     * Reads the form's lines, one service per row: {@code code [modifiers...] units charge pointers}, e.g.
     * {@value #EXAMPLE}; blank rows are skipped.
     */
    public static List<CorrectedLine> parseLines(String text) {
        if (text == null || text.isBlank()) throw new BadInputException("lines", "enter at least one line, e.g. " + EXAMPLE);
        List<CorrectedLine> lines = new ArrayList<>();
        for (String row : text.split("\\R")) {
            if (row.isBlank()) continue;
            lines.add(parseLine(row, lines.size() + 1));
        }
        return lines;
    }

    private static CorrectedLine parseLine(String row, int n) {
        String[] t = row.trim().split("\\s+");
        if (t.length < 4) {
            throw new BadInputException("lines[" + n + "]", "write code, modifiers (if any), units, charge and diagnosis pointers, e.g. " + EXAMPLE);
        }
        int units;
        try {
            units = Integer.parseInt(t[t.length - 3]);
        } catch (NumberFormatException e) {
            throw new BadInputException(field(n, "units"), "'" + t[t.length - 3] + "' is not a whole number of units");
        }
        BigDecimal charge;
        try {
            charge = new BigDecimal(t[t.length - 2].replace("$", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new BadInputException(field(n, "charge"), "'" + t[t.length - 2] + "' is not an amount, e.g. 92.00");
        }
        List<Integer> pointers = new ArrayList<>();
        for (String p : t[t.length - 1].split(",")) {
            try {
                pointers.add(Integer.parseInt(p.trim()));
            } catch (NumberFormatException e) {
                throw new BadInputException(field(n, "pointers"), "'" + t[t.length - 1] + "' must be diagnosis numbers separated by commas, e.g. 1,2");
            }
        }
        List<String> modifiers = Arrays.stream(t, 1, t.length - 3).map(m -> m.toUpperCase(Locale.ROOT)).toList();
        return new CorrectedLine(t[0].toUpperCase(Locale.ROOT), modifiers, units, charge, pointers);
    }

    /** Reads the form's diagnoses, separated by commas or spaces; none given means keep the claim's. */
    public static List<String> parseDiagnoses(String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
    }

    /** A line in the form's format, to start the form from what is on file. */
    public static String format(ClaimLine l) {
        return (l.code() + " " + String.join(" ", l.modifiers()) + " " + l.units() + " " + l.charge().setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString() + " " + String.join(",", l.pointers().stream().map(String::valueOf).toList())).replaceAll("\\s+", " ");
    }
}
