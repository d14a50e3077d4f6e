package com.claimflow.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One code of a code set, valid from a date (inclusive) until a date (inclusive) or open-ended. */
@Entity
@Table(name = "code_set_entry")
public class CodeSetEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(name = "code_system")
    private CodeSystem codeSystem;
    private String code;
    private boolean billable;
    private String description;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;

    protected CodeSetEntry() {
    }

    public CodeSetEntry(CodeSystem codeSystem, String code, boolean billable, String description, LocalDate validFrom, LocalDate validTo) {
        this.codeSystem = codeSystem;
        this.code = code;
        this.billable = billable;
        this.description = description;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    public boolean isValidOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    public CodeSystem getCodeSystem() { return codeSystem; }
    public String getCode() { return code; }
    public boolean isBillable() { return billable; }
    public String getDescription() { return description; }
    public LocalDate getValidFrom() { return validFrom; }
    public LocalDate getValidTo() { return validTo; }
}
