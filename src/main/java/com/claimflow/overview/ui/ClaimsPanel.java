package com.claimflow.overview.ui;

import com.claimflow.audit.AuditService;
import com.claimflow.base.ui.Badge;
import com.claimflow.base.ui.Facts;
import com.claimflow.base.ui.Formats;
import com.claimflow.overview.EncounterFile.ClaimVersion;
import com.claimflow.overview.EncounterFile.Line;
import com.claimflow.overview.EncounterFile.Scrub;
import com.claimflow.overview.EncounterFile.Sent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every version of the encounter's claim, newest first: what was billed (frequency code, diagnoses, lines), what the
 * scrubber found, its control numbers and payer claim number, and each 837 it went out as, to read or download. Reading
 * or downloading an 837 is recorded as {@code GET /api/claims/{id}/x12} records it.
 */
class ClaimsPanel extends VerticalLayout {
    static final String VIEWED_CLAIM_FILE = "VIEWED_CLAIM_FILE";

    private final boolean mayReadFiles;
    private final AuditService audit;
    private final String userId;
    private final long encounterId;

    ClaimsPanel(List<ClaimVersion> claims, boolean mayReadFiles, AuditService audit, String userId, long encounterId) {
        this.mayReadFiles = mayReadFiles;
        this.audit = audit;
        this.userId = userId;
        this.encounterId = encounterId;
        setPadding(false);
        setId("claims");
        if (claims.isEmpty()) add(new Span("No claim yet: it is built when coding is done."));
        for (int i = claims.size() - 1; i >= 0; i--) add(version(claims.get(i)));
    }

    private VerticalLayout version(ClaimVersion c) {
        H4 title = new H4("Claim " + c.id() + " · version " + c.version() + " · frequency " + c.frequencyCode() + " ");
        title.add(new Badge(EncountersView.stageLabel(c.status()), tone(c.status())));
        Facts facts = new Facts()
                .fact("Type", c.claimType())
                .fact("Member id", c.memberId())
                .fact("Diagnoses", Formats.numbered(c.diagnoses()))
                .fact("Total charge", Formats.money(c.totalCharge()))
                .fact("Payer claim number", c.payerClaimNumber())
                .fact("Control numbers (ST02)", c.controlNumbers().isEmpty() ? null : String.join(", ", c.controlNumbers()))
                .fact("Built", Formats.dateTime(c.createdAt()));
        VerticalLayout section = new VerticalLayout(title, facts, lines(c), scrubs(c.scrubs()), files(c));
        section.setId("claim-" + c.id());
        section.setPadding(false);
        section.setSpacing(false);
        return section;
    }

    private static Grid<Line> lines(ClaimVersion c) {
        Grid<Line> grid = new Grid<>();
        grid.setId("claim-lines-" + c.id());
        grid.addColumn(Line::number).setKey("line").setHeader("Line").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Line::code).setKey("code").setHeader("Procedure").setAutoWidth(true);
        grid.addColumn(l -> String.join(" ", l.modifiers())).setKey("modifiers").setHeader("Modifiers").setAutoWidth(true);
        grid.addColumn(Line::units).setKey("units").setHeader("Units").setAutoWidth(true);
        grid.addColumn(l -> Formats.money(l.charge())).setKey("charge").setHeader("Charge").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> l.pointers().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("")).setKey("pointers")
                .setHeader("Diagnosis pointers").setAutoWidth(true);
        grid.addColumn(l -> Formats.orNone(l.revenueCode())).setKey("revenue").setHeader("Revenue code").setAutoWidth(true);
        grid.setItems(c.lines());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        return grid;
    }

    private static Div scrubs(List<Scrub> scrubs) {
        Div div = new Div();
        if (scrubs.isEmpty()) {
            div.add(new Span("Not scrubbed."));
            return div;
        }
        UnorderedList list = new UnorderedList();
        for (Scrub s : scrubs) {
            ListItem item = new ListItem("Scrubbed " + Formats.dateTime(s.at()) + ": " + (s.clean() ? "clean" : "edits failed"));
            if (!s.findings().isEmpty()) {
                UnorderedList findings = new UnorderedList();
                s.findings().forEach(f -> findings.add(new ListItem(f.severity() + " " + f.editId() + " at " + f.location() + ": " + f.message())));
                item.add(findings);
            }
            list.add(item);
        }
        div.add(list);
        return div;
    }

    private VerticalLayout files(ClaimVersion c) {
        VerticalLayout files = new VerticalLayout();
        files.setPadding(false);
        files.setSpacing(false);
        if (c.files().isEmpty()) files.add(new Span("Not sent."));
        for (Sent f : c.files()) {
            Span what = new Span(f.format() + " attempt " + f.attempt() + " · " + f.status() + " · queued " + Formats.dateTime(f.createdAt())
                    + (f.sentAt() == null ? "" : " · sent " + Formats.dateTime(f.sentAt())));
            HorizontalLayout row = new HorizontalLayout(what);
            row.setAlignItems(Alignment.BASELINE);
            if (mayReadFiles) {
                Button view = new Button("View", e -> show(c, f));
                view.setId("view-file-" + f.outboxId());
                view.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
                    seen(c, f, "downloaded");
                    byte[] bytes = f.payload().getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(new ByteArrayInputStream(bytes), fileName(c, f), "application/edi-x12", bytes.length);
                }), "Download");
                download.setId("download-file-" + f.outboxId());
                row.add(view, download);
            }
            files.add(row);
        }
        return files;
    }

    static String fileName(ClaimVersion c, Sent f) {
        return "claim-" + c.id() + "-v" + f.version() + "-attempt-" + f.attempt() + ".x12";
    }

    private void show(ClaimVersion c, Sent f) {
        seen(c, f, "viewed");
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(f.format() + " of claim " + c.id() + " version " + f.version() + ", attempt " + f.attempt());
        // one segment a line, as people read an X12 file
        Pre text = new Pre(f.payload().replace("~", "~\n"));
        text.setId("claim-file-text");
        text.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
        dialog.add(text);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.setWidth("60em");
        dialog.open();
    }

    private void seen(ClaimVersion c, Sent f, String how) {
        audit.record(userId, VIEWED_CLAIM_FILE, encounterId, null, "ui " + how + " 837 of claim " + c.id() + " v" + f.version() + " attempt " + f.attempt());
    }

    private static Badge.Tone tone(String status) {
        return switch (status) {
            case "PAID", "ACCEPTED", "READY" -> Badge.Tone.SUCCESS;
            case "DENIED", "REJECTED", "SCRUB_FAILED" -> Badge.Tone.ERROR;
            case "PARTIALLY_PAID", "SUBMITTED" -> Badge.Tone.INFO;
            default -> Badge.Tone.NEUTRAL;
        };
    }
}
