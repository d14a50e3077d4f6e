package com.claimflow.scrub.ui;

import com.claimflow.audit.AuditService;
import com.claimflow.base.ui.Badge;
import com.claimflow.base.ui.Facts;
import com.claimflow.base.ui.Formats;
import com.claimflow.base.ui.Notices;
import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimCorrection;
import com.claimflow.claim.ClaimCorrectionCompletion;
import com.claimflow.claim.ClaimLine;
import com.claimflow.claim.ClaimService;
import com.claimflow.claim.ClaimStatus;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.ScrubResult;
import com.claimflow.scrub.ScrubService;
import com.claimflow.workqueue.TaskContext;
import com.claimflow.workqueue.TaskForm;
import com.claimflow.workqueue.TaskPanel;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The encounter's latest claim with its lines and its latest scrub edits; on a draft claim the person working the task
 * can scrub again ("Scrub now") to check a fix made elsewhere. Once there is a claim it stands in for the codes on file,
 * and it starts the claim editor's form from the claim's lines.
 */
@org.springframework.stereotype.Component
public class ClaimPanel implements TaskPanel {
    private final ClaimService claims;
    private final ScrubService scrub;
    private final AuditService audit;

    public ClaimPanel(ClaimService claims, ScrubService scrub, AuditService audit) {
        this.claims = claims;
        this.scrub = scrub;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "claim";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean showsFor(TaskContext task) {
        return task.item().encounterId() != null && claims.latestFor(task.item().encounterId()).isPresent();
    }

    @Override
    public Set<String> standsInFor() {
        return Set.of("coding");
    }

    /** The claim editor's form (correct-claim) starts from the claim the task is about, line by line. */
    @Override
    public void prefill(TaskContext task, TaskForm form) {
        if (!form.has(ClaimCorrectionCompletion.LINES)) return;
        Long claimId = task.item().claimId();
        Optional<Claim> claim = claimId != null ? Optional.of(claims.get(claimId)) : claims.latestFor(task.item().encounterId());
        claim.ifPresent(c -> {
            form.setValueIfEmpty(ClaimCorrectionCompletion.LINES, c.lines().stream().map(ClaimCorrection::format).collect(Collectors.joining("\n")));
            form.setValueIfEmpty(ClaimCorrectionCompletion.DIAGNOSES, String.join(", ", c.diagnoses()));
            if (c.memberId() != null) form.setValueIfEmpty("memberId", c.memberId());
            if (c.priorAuthorization() != null) form.setValueIfEmpty("priorAuthorization", c.priorAuthorization());
        });
    }

    @Override
    public List<Component> sections(TaskContext task) {
        return claims.latestFor(task.item().encounterId()).map(c -> List.of(claimSection(c, task))).orElse(List.of());
    }

    private Component claimSection(Claim c, TaskContext task) {
        VerticalLayout section = section("claim");
        section.add(new H3("Claim"));
        section.add(new Facts()
                .fact("Claim", c.id() + ", version " + c.version() + ("7".equals(c.frequencyCode()) ? " (replacement)" : ""))
                .fact("Status", claimStatus(c.status()))
                .fact("Total charge", Formats.money(c.totalCharge()))
                .fact("Diagnoses", Formats.numbered(c.diagnoses()))
                .fact("Payer claim no.", c.payerClaimNumber()));
        section.add(lines(c.lines()));
        scrub.latest(c.id()).ifPresent(r -> section.add(scrubSection(r)));
        if (c.isDraft() && task.mayWork()) {
            // on demand: check a fix made elsewhere (fee schedule, provider file) before completing the task
            Button now = new Button("Scrub now", e -> {
                ScrubResult r = scrub.scrub(c.id());
                audit.record(task.worker().userId(), "SCRUBBED", task.item().encounterId(), task.item().taskId(),
                        r.isClean() ? "clean" : r.errors().size() + " error(s)");
                Notices.info(r.isClean() ? "The claim scrubs clean." : "The claim still raises " + r.errors().size() + " error(s).");
                task.refresh().run();
            });
            now.setId("scrub-now");
            section.add(now);
        }
        return section;
    }

    private static Grid<ClaimLine> lines(List<ClaimLine> lines) {
        Grid<ClaimLine> grid = new Grid<>(ClaimLine.class, false);
        grid.setId("claim-lines");
        grid.addColumn(l -> lines.indexOf(l) + 1).setKey("line").setHeader("Line").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClaimLine::code).setKey("code").setHeader("Code").setAutoWidth(true);
        grid.addColumn(l -> String.join(" ", l.modifiers())).setKey("modifiers").setHeader("Modifiers").setAutoWidth(true);
        grid.addColumn(ClaimLine::units).setKey("units").setHeader("Units").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> l.pointers().stream().map(String::valueOf).collect(Collectors.joining(","))).setKey("pointers")
                .setHeader("Dx pointers").setAutoWidth(true);
        grid.addColumn(l -> Formats.money(l.charge())).setKey("charge").setHeader("Charge").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.setItems(lines);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("The claim has no lines.");
        return grid;
    }

    private static Component scrubSection(ScrubResult r) {
        VerticalLayout section = section("scrub");
        section.add(new H4("Scrub edits"));
        List<Finding> findings = r.findings();
        Paragraph when = new Paragraph("Scrubbed " + Formats.dateTime(r.getScrubbedAt()) + " (claim version " + r.getClaimVersion() + "): "
                + (findings.isEmpty() ? "clean, no edits raised." : r.errors().size() + " error(s), "
                + (findings.size() - r.errors().size()) + " warning(s)."));
        when.getStyle().set("margin", "0");
        section.add(when);
        if (!findings.isEmpty()) {
            Grid<Finding> grid = new Grid<>(Finding.class, false);
            grid.setId("scrub-edits");
            grid.addComponentColumn(f -> f.severity() == Finding.Severity.ERROR ? new Badge("Error", Badge.Tone.ERROR) : new Badge("Warning", Badge.Tone.WARNING))
                    .setKey("severity").setHeader("Severity").setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(f -> f.owner() == Finding.Owner.CODER ? "Coder" : "Biller").setKey("owner").setHeader("Fixed by").setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(Finding::location).setKey("location").setHeader("Where").setAutoWidth(true);
            grid.addColumn(Finding::message).setKey("message").setHeader("Edit").setFlexGrow(3);
            grid.setItems(findings);
            grid.setAllRowsVisible(true);
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            section.add(grid);
        }
        return section;
    }

    private static VerticalLayout section(String id) {
        VerticalLayout section = new VerticalLayout();
        section.setId(id);
        section.setPadding(false);
        return section;
    }


    private static Badge claimStatus(ClaimStatus status) {
        Badge.Tone tone = switch (status) {
            case PAID, READY, ACCEPTED -> Badge.Tone.SUCCESS;
            case SCRUB_FAILED, REJECTED, DENIED -> Badge.Tone.ERROR;
            case PARTIALLY_PAID, SUBMITTED -> Badge.Tone.INFO;
            default -> Badge.Tone.NEUTRAL;
        };
        Badge b = new Badge(status.name().replace('_', ' ').toLowerCase(), tone);
        b.setId("claim-status");
        return b;
    }
}
