package com.claimflow.reference.internal;

import com.claimflow.reference.CodeSetEntry;
import com.claimflow.reference.CodeSystem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A code set entry's row; other modules see it as the {@link CodeSetEntry} record. */
@Entity(name = "CodeSetEntry")
@Table(name = "code_set_entry")
public class CodeSetEntryEntity {
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

    protected CodeSetEntryEntity() {
    }

    public CodeSetEntryEntity(CodeSetEntry e) {
        this.codeSystem = e.codeSystem();
        this.code = e.code();
        this.billable = e.billable();
        this.description = e.description();
        this.validFrom = e.validFrom();
        this.validTo = e.validTo();
    }
}
