package com.claimflow.coding;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The codes assigned to an encounter: diagnoses in order (principal first) and procedure lines. */
@Entity
@Table(name = "coding")
public class Coding {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "encounter_id")
    private Long encounterId;
    @Column(name = "diagnosis_codes")
    private String diagnosisCodes;
    @Column(name = "coded_by")
    private String codedBy;
    @Column(name = "coded_at")
    private Instant codedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "coding_line", joinColumns = @JoinColumn(name = "coding_id"))
    @OrderColumn(name = "line_no")
    private List<Line> lines = new ArrayList<>();

    protected Coding() {
    }

    Coding(Long encounterId) {
        this.encounterId = encounterId;
    }

    void assign(List<String> diagnoses, List<ProcedureLine> procedures, String coder) {
        this.diagnosisCodes = String.join(",", diagnoses);
        this.lines.clear();
        procedures.forEach(p -> lines.add(new Line(p.code(), p.modifiersText(), p.units(), p.pointersText())));
        this.codedBy = coder;
        this.codedAt = Instant.now();
    }

    public List<String> diagnoses() {
        return Arrays.asList(diagnosisCodes.split(","));
    }

    public List<ProcedureLine> procedures() {
        return lines.stream().map(l -> ProcedureLine.parse(
                (l.code + " " + (l.modifiers == null ? "" : l.modifiers) + " " + l.units + " " + l.pointers).replaceAll("\\s+", " "), "coding")).toList();
    }

    public Long getEncounterId() { return encounterId; }
    public String getCodedBy() { return codedBy; }
    public Instant getCodedAt() { return codedAt; }

    @Embeddable
    public static class Line {
        private String code;
        private String modifiers;
        private int units;
        private String pointers;

        protected Line() {
        }

        Line(String code, String modifiers, int units, String pointers) {
            this.code = code;
            this.modifiers = modifiers;
            this.units = units;
            this.pointers = pointers;
        }
    }
}
