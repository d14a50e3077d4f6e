package com.claimflow.coding;

import com.claimflow.base.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One procedure a coder assigned: CPT/HCPCS code, up to four modifiers, units and diagnosis pointers (1-based). */
public record ProcedureLine(String code, List<String> modifiers, int units, List<Integer> pointers) {

    /**
     * Reads the coder's line format {@code code [modifiers...] [units] [pointers]}, e.g. {@code 99213 25 1 1,2}.
     * A bare code means one unit pointing at the first diagnosis.
     */
    public static ProcedureLine parse(String text, String where) {
        String[] t = text.trim().split("\\s+");
        String code = t[0].toUpperCase(Locale.ROOT);
        if (!code.matches("[0-9A-Z]\\d{3}[0-9A-Z]")) {
            throw new BadInputException(where, "'" + t[0] + "' is not a CPT or HCPCS code (five characters, e.g. 99213 or J1100)");
        }
        int units = 1;
        List<Integer> pointers = List.of(1);
        List<String> modifiers = new ArrayList<>();
        int modifierEnd = t.length;
        if (t.length >= 2) {
            pointers = pointers(t[t.length - 1], where);
            modifierEnd = t.length - 1;
        }
        if (t.length >= 3) {
            try {
                units = Integer.parseInt(t[t.length - 2]);
            } catch (NumberFormatException e) {
                throw new BadInputException(where, "units '" + t[t.length - 2] + "' is not a whole number");
            }
            if (units < 1) throw new BadInputException(where, "units must be 1 or more, not " + units);
            modifierEnd = t.length - 2;
        }
        for (int i = 1; i < modifierEnd; i++) {
            String m = t[i].toUpperCase(Locale.ROOT);
            if (!m.matches("[0-9A-Z]{2}")) throw new BadInputException(where, "modifier '" + t[i] + "' must be two letters or digits");
            modifiers.add(m);
        }
        if (modifiers.size() > 4) throw new BadInputException(where, "at most 4 modifiers per line");
        return new ProcedureLine(code, List.copyOf(modifiers), units, pointers);
    }

    private static List<Integer> pointers(String token, String where) {
        List<Integer> result = new ArrayList<>();
        for (String p : token.split(",")) {
            try {
                int n = Integer.parseInt(p.trim());
                if (n < 1 || n > 12) throw new BadInputException(where, "diagnosis pointer " + n + " must be between 1 and 12");
                result.add(n);
            } catch (NumberFormatException e) {
                throw new BadInputException(where, "diagnosis pointers '" + token + "' must be numbers separated by commas, e.g. 1,2");
            }
        }
        if (result.size() > 4) throw new BadInputException(where, "at most 4 diagnosis pointers per line");
        return List.copyOf(result);
    }

    public String modifiersText() {
        return String.join(" ", modifiers);
    }

    public String pointersText() {
        return String.join(",", pointers.stream().map(String::valueOf).toList());
    }

    public String format() {
        return (code + " " + modifiersText() + " " + units + " " + pointersText()).replaceAll("\\s+", " ");
    }
}
