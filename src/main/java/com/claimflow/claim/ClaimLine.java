package com.claimflow.claim;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

@Embeddable
public class ClaimLine {
    private String code;
    private String modifiers;
    private int units;
    private BigDecimal charge;
    private String pointers;
    /** The UB-04 revenue code of an institutional line (837I SV201); null on professional claims. */
    @Column(name = "revenue_code")
    private String revenueCode;

    protected ClaimLine() {
    }

    public ClaimLine(String code, List<String> modifiers, int units, BigDecimal charge, List<Integer> pointers, String revenueCode) {
        this(code, modifiers, units, charge, pointers);
        this.revenueCode = revenueCode;
    }

    public ClaimLine(String code, List<String> modifiers, int units, BigDecimal charge, List<Integer> pointers) {
        this.code = code;
        this.modifiers = String.join(" ", modifiers);
        this.units = units;
        this.charge = charge;
        this.pointers = String.join(",", pointers.stream().map(String::valueOf).toList());
    }

    public String getCode() { return code; }
    public int getUnits() { return units; }
    public BigDecimal getCharge() { return charge; }
    public String getRevenueCode() { return revenueCode; }

    public List<String> modifiers() {
        return modifiers == null || modifiers.isBlank() ? List.of() : Arrays.asList(modifiers.trim().split(" "));
    }

    public List<Integer> pointers() {
        return pointers == null || pointers.isBlank() ? List.of() : Arrays.stream(pointers.split(",")).map(Integer::valueOf).toList();
    }
}
