package com.claimflow.inbound.hl7;

import com.claimflow.coding.CapturedCharges.Charge;
import com.claimflow.coding.CapturedCharges.Diagnosis;
import com.claimflow.coding.ProcedureLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The charges of a DFT^P03 (HL7 v2.5.1 chapter 6): DG1 diagnoses in DG1-15 priority order, then any other FT1-19 codes;
 * one procedure line per FT1 charge: FT1-25 procedure code (else its PR1-3, else FT1-7 when it is a CPT/HCPCS code),
 * FT1-26 (or PR1-16) modifiers, FT1-10 quantity as units, FT1-19 codes as the line's diagnosis pointers. Each keeps
 * where it came from ({@code DG1[2]-3}, {@code FT1[1]-25}) so that a refused code is answered naming it.
 */
final class ChargeMapping {
    private static final String CPT_OR_HCPCS = "[0-9A-Z]\\d{3}[0-9A-Z]";
    private static final int MAX_POINTERS = 4;

    record Charges(List<Diagnosis> diagnoses, List<Charge> charges, LocalDate firstDate, String firstDateAt) {
    }

    private ChargeMapping() {
    }

    static Charges map(Hl7Message m) {
        List<Seg> ft1s = m.all("FT1");
        if (ft1s.isEmpty()) {
            throw Hl7Problem.error("FT1", Hl7Problem.SEGMENT_SEQUENCE, "a DFT^P03 needs at least one FT1 segment (the charge)");
        }
        List<Diagnosis> diagnoses = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<Seg> dg1s = new ArrayList<>(m.all("DG1"));
        dg1s.sort(Comparator.comparingInt(ChargeMapping::priority));
        for (Seg dg1 : dg1s) {
            String code = dg1.get(3).toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                throw Hl7Problem.error(dg1.at(3), Hl7Problem.REQUIRED_FIELD_MISSING, dg1.at(3) + " (diagnosis code) is required: an ICD-10-CM code");
            }
            if (!codes.contains(normal(code))) {
                codes.add(normal(code));
                diagnoses.add(new Diagnosis(code, dg1.at(3)));
            }
        }
        List<Charge> charges = new ArrayList<>();
        LocalDate firstDate = null;
        String firstDateAt = null;
        List<Seg> all = m.all();
        for (Seg ft1 : ft1s) {
            String type = ft1.get(6).toUpperCase(Locale.ROOT);
            if (!type.isEmpty() && !type.equals("CG")) {
                throw Hl7Problem.error(ft1.at(6), Hl7Problem.TABLE_VALUE_NOT_FOUND, ft1.at(6) + " (transaction type) '" + type + "': only charges (CG, "
                        + "HL7 table 0017) are taken; credits and adjustments of a visit are a biller's work");
            }
            if (firstDate == null) {
                firstDate = ft1.date(4);
                firstDateAt = ft1.at(4);
            }
            List<Integer> pointers = new ArrayList<>();
            for (int rep = 0; rep < ft1.reps(19); rep++) {
                String code = ft1.get(19, rep, 1).toUpperCase(Locale.ROOT);
                if (code.isEmpty()) continue;
                if (!codes.contains(normal(code))) {
                    codes.add(normal(code));
                    diagnoses.add(new Diagnosis(code, ft1.at(19)));
                }
                int pointer = codes.indexOf(normal(code)) + 1;
                if (!pointers.contains(pointer) && pointers.size() < MAX_POINTERS) pointers.add(pointer);
            }
            charges.add(charge(ft1, procedureOf(ft1, all), pointers.isEmpty() ? List.of(1) : pointers));
        }
        return new Charges(diagnoses, charges, firstDate, firstDateAt);
    }

    /** The PR1 that follows the FT1 in its FINANCIAL group, if any. */
    private static Seg procedureOf(Seg ft1, List<Seg> all) {
        for (int i = all.indexOf(ft1) + 1; i < all.size(); i++) {
            Seg s = all.get(i);
            if (s.name().equals("PR1")) return s;
            if (s.name().equals("FT1")) return null;
        }
        return null;
    }

    private static Charge charge(Seg ft1, Seg pr1, List<Integer> pointers) {
        String code = ft1.get(25).toUpperCase(Locale.ROOT);
        Seg from = ft1;
        int codeField = 25;
        int modifierField = 26;
        if (code.isEmpty() && pr1 != null && !pr1.get(3).isEmpty()) {
            code = pr1.get(3).toUpperCase(Locale.ROOT);
            from = pr1;
            codeField = 3;
            modifierField = 16;
        } else if (code.isEmpty() && ft1.get(7).toUpperCase(Locale.ROOT).matches(CPT_OR_HCPCS)) {
            code = ft1.get(7).toUpperCase(Locale.ROOT);
            codeField = 7;
        }
        String where = from.at(codeField);
        if (code.isEmpty()) {
            throw Hl7Problem.error(ft1.at(25), Hl7Problem.REQUIRED_FIELD_MISSING, ft1.at(25) + " (procedure code) is required: the CPT or HCPCS "
                    + "code of the charge (FT1-7 '" + ft1.get(7) + "' is not one)");
        }
        if (!code.matches(CPT_OR_HCPCS)) {
            throw Hl7Problem.error(where, Hl7Problem.DATA_TYPE, where + " '" + code + "' is not a CPT or HCPCS code (five characters, e.g. 99213 or J1100)");
        }
        List<String> modifiers = new ArrayList<>();
        for (int rep = 0; rep < from.reps(modifierField); rep++) {
            String mod = from.get(modifierField, rep, 1).toUpperCase(Locale.ROOT);
            if (mod.isEmpty()) continue;
            if (!mod.matches("[0-9A-Z]{2}")) {
                throw Hl7Problem.error(from.at(modifierField), Hl7Problem.DATA_TYPE, from.at(modifierField) + " modifier '" + mod
                        + "' must be two letters or digits");
            }
            modifiers.add(mod);
        }
        if (modifiers.size() > 4) {
            throw Hl7Problem.error(from.at(modifierField), Hl7Problem.DATA_TYPE, from.at(modifierField) + ": at most 4 modifiers per charge");
        }
        return new Charge(new ProcedureLine(code, List.copyOf(modifiers), units(ft1), List.copyOf(pointers)), where);
    }

    /** FT1-10 transaction quantity, a whole number of 1 or more; 1 when empty. */
    private static int units(Seg ft1) {
        String quantity = ft1.get(10);
        if (quantity.isEmpty()) return 1;
        try {
            double q = Double.parseDouble(quantity);
            if (q >= 1 && q == Math.rint(q) && q <= 9999) return (int) q;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Hl7Problem.error(ft1.at(10), Hl7Problem.DATA_TYPE, ft1.at(10) + " (transaction quantity) '" + quantity + "' must be a whole number of units, 1 or more");
    }

    /** DG1-15 diagnosis priority: 1 the primary; a DG1 without one comes after those with one, in message order. */
    private static int priority(Seg dg1) {
        String p = dg1.get(15);
        return p.matches("\\d{1,2}") && !p.equals("0") ? Integer.parseInt(p) : 100;
    }

    private static String normal(String icd) {
        return icd.replace(".", "");
    }
}
