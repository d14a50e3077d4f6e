package com.claimflow.coding.internal;

import com.claimflow.coding.Coding;
import com.claimflow.coding.ProcedureLine;
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

/** The coding's row; other modules see it as the {@link Coding} record. */
@Entity(name = "Coding")
@Table(name = "coding")
public class CodingEntity {
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

    protected CodingEntity() {
    }

    public CodingEntity(Long encounterId) {
        this.encounterId = encounterId;
    }

    public void assign(List<String> diagnoses, List<ProcedureLine> procedures, String coder) {
        this.diagnosisCodes = String.join(",", diagnoses);
        this.lines.clear();
        procedures.forEach(p -> lines.add(new Line(p.code(), p.modifiersText(), p.units(), p.pointersText())));
        this.codedBy = coder;
        this.codedAt = Instant.now();
    }

    /** What other modules see of the coding. */
    public Coding toRecord() {
        return new Coding(encounterId, Arrays.asList(diagnosisCodes.split(",")), procedures(), codedBy, codedAt);
    }

    private List<ProcedureLine> procedures() {
        return lines.stream().map(l -> ProcedureLine.parse(
                (l.code + " " + (l.modifiers == null ? "" : l.modifiers) + " " + l.units + " " + l.pointers).replaceAll("\\s+", " "), "coding")).toList();
    }

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
