package com.claimflow.scrub;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The stored outcome of one scrub of one claim version, shown on the fix task. */
@Entity
@Table(name = "scrub_result")
public class ScrubResult {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "claim_id")
    private Long claimId;
    @Column(name = "claim_version")
    private int claimVersion;
    private boolean clean;
    @Column(name = "scrubbed_at")
    private Instant scrubbedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "scrub_edit", joinColumns = @JoinColumn(name = "result_id"))
    @OrderColumn(name = "seq")
    private List<Row> edits = new ArrayList<>();

    protected ScrubResult() {
    }

    ScrubResult(Long claimId, int claimVersion, List<Finding> findings) {
        this.claimId = claimId;
        this.claimVersion = claimVersion;
        this.clean = findings.stream().noneMatch(f -> f.severity() == Finding.Severity.ERROR);
        this.scrubbedAt = Instant.now();
        findings.forEach(f -> edits.add(new Row(f)));
    }

    public List<Finding> findings() {
        return edits.stream().map(Row::finding).toList();
    }

    public List<Finding> errors() {
        return findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).toList();
    }

    /** Coder edits first: a code change may clear or move billing edits, never the other way round. */
    public Finding.Owner owner() {
        return errors().stream().anyMatch(f -> f.owner() == Finding.Owner.CODER) ? Finding.Owner.CODER : Finding.Owner.BILLER;
    }

    public Long getId() { return id; }
    public Long getClaimId() { return claimId; }
    public int getClaimVersion() { return claimVersion; }
    public boolean isClean() { return clean; }
    public Instant getScrubbedAt() { return scrubbedAt; }

    @Embeddable
    public static class Row {
        @Column(name = "edit_id")
        private String editId;
        @Enumerated(EnumType.STRING)
        private Finding.Severity severity;
        @Enumerated(EnumType.STRING)
        private Finding.Owner owner;
        private String location;
        private String message;

        protected Row() {
        }

        Row(Finding f) {
            this.editId = f.editId();
            this.severity = f.severity();
            this.owner = f.owner();
            this.location = f.location();
            this.message = f.message().length() > 500 ? f.message().substring(0, 497) + "..." : f.message();
        }

        Finding finding() {
            return new Finding(editId, severity, owner, location, message);
        }
    }
}
