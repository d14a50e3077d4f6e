package com.claimflow.claim.internal;

import com.claimflow.claim.ClaimLine;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** A claim line's columns; other modules see it as the {@link ClaimLine} record. */
@Embeddable
public class ClaimLineEntity {
    private String code;
    private String modifiers;
    private int units;
    private BigDecimal charge;
    private String pointers;
    /** The UB-04 revenue code of an institutional line (837I SV201); null on professional claims. */
    @Column(name = "revenue_code")
    private String revenueCode;

    protected ClaimLineEntity() {
    }

    public ClaimLineEntity(ClaimLine line) {
        this.code = line.code();
        this.modifiers = String.join(" ", line.modifiers());
        this.units = line.units();
        this.charge = line.charge();
        this.pointers = String.join(",", line.pointers().stream().map(String::valueOf).toList());
        this.revenueCode = line.revenueCode();
    }

    public BigDecimal getCharge() { return charge; }

    public ClaimLine toRecord() {
        return line(code, modifiers, units, charge, pointers, revenueCode);
    }

    /** A line from its columns as stored: modifiers space-separated, diagnosis pointers comma-separated. */
    public static ClaimLine line(String code, String modifiers, int units, BigDecimal charge, String pointers, String revenueCode) {
        List<String> mods = modifiers == null || modifiers.isBlank() ? List.of() : Arrays.asList(modifiers.trim().split(" "));
        List<Integer> ptrs = pointers == null || pointers.isBlank() ? List.of() : Arrays.stream(pointers.split(",")).map(Integer::valueOf).toList();
        return new ClaimLine(code, mods, units, charge, ptrs, revenueCode);
    }
}
