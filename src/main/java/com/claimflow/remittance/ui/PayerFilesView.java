package com.claimflow.remittance.ui;

import com.claimflow.base.ui.Notices;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.identity.Roles;
import com.claimflow.remittance.InboundFiles;
import com.claimflow.remittance.InboundResult;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * Payer files brought in by hand: a 999, 277CA or 835 a biller downloaded from the payer's or clearinghouse's portal,
 * taken exactly as the API and the inbox folder take them (stored as received, read, posted). The outcome says what the
 * file did, claim by claim counts, and every error with its segment and element.
 */
@Route("payer-files")
@PageTitle("Payer files")
@Menu(order = 30, title = "Payer files")
@RolesAllowed({Roles.ROLE_BILLERS, Roles.ROLE_LEADS, Roles.ROLE_ADMINS})
public class PayerFilesView extends VerticalLayout {
    private final InboundFiles inbound;
    private final CurrentWorker current;
    private final Div outcome = new Div();

    public PayerFilesView(InboundFiles inbound, CurrentWorker current) {
        this.inbound = inbound;
        this.current = current;
        setWidthFull();
        H2 title = new H2("Payer files");
        title.getStyle().set("margin", "0");
        Paragraph help = new Paragraph("Upload a 999, 277CA or 835 file as the payer sent it. It is kept as received; an 835 posts whole "
                + "or not at all, and the same file twice posts nothing. Denials and rejections become tasks in the work queues.");
        help.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Upload upload = new Upload(UploadHandler.toTempFile(this::received));
        upload.setId("payer-file-upload");
        upload.setDropLabel(new Span("Drop the payer's file here"));
        upload.setMaxFiles(1);
        outcome.setId("payer-file-outcome");
        add(title, help, upload, outcome);
    }

    /** Reads the file in the upload's request, outside the session's lock, and shows the outcome when it is done. */
    private void received(UploadMetadata metadata, File file) throws IOException {
        InboundResult r;
        try (InputStream in = Files.newInputStream(file.toPath())) {
            r = inbound.receive(in, "UI", metadata.fileName(), current.get().userId());
        }
        getUI().ifPresent(ui -> ui.access(() -> show(metadata.fileName(), r)));
    }

    /** What the file did: status, counts, every error by segment and element, a 277CA's rejections above the claims. */
    void show(String fileName, InboundResult r) {
        outcome.removeAll();
        H3 head = new H3(fileName + ": " + describe(r));
        head.setId("payer-file-status");
        outcome.add(head);
        InboundResult.Counts c = r.counts();
        Paragraph counts = new Paragraph(c.claims() + " claims, " + c.matched() + " matched, " + c.accepted() + " accepted, " + c.rejected()
                + " rejected, " + c.posted() + " posted, " + c.unmatched() + " unmatched (biller tasks), " + c.duplicates() + " taken before");
        counts.setId("payer-file-counts");
        outcome.add(counts);
        if (!r.errors().isEmpty()) {
            Grid<InboundResult.Problem> errors = new Grid<>(InboundResult.Problem.class, false);
            errors.setId("payer-file-errors");
            errors.addColumn(InboundResult.Problem::segment).setHeader("Segment #").setAutoWidth(true);
            errors.addColumn(InboundResult.Problem::segmentId).setHeader("Segment").setAutoWidth(true);
            errors.addColumn(InboundResult.Problem::element).setHeader("Element").setAutoWidth(true);
            errors.addColumn(InboundResult.Problem::message).setHeader("What is wrong").setFlexGrow(3);
            errors.setItems(r.errors());
            errors.setAllRowsVisible(true);
            errors.addThemeVariants(GridVariant.LUMO_COMPACT);
            outcome.add(errors);
        }
        for (InboundResult.Rejection j : r.rejections()) {
            outcome.add(new Paragraph("Rejected at " + j.level() + " (" + j.entityName() + " " + j.entityId() + "): " + j.statuses()
                    + (j.billerTask() ? " - a biller task was raised" : "")));
        }
        if ("PROCESSED".equals(r.status())) Notices.success(fileName + " taken: " + r.transactionType());
        else Notices.error(fileName + ": " + describe(r));
    }

    private static String describe(InboundResult r) {
        return switch (r.status()) {
            case "PROCESSED" -> (r.transactionType() == null ? "file" : r.transactionType()) + " taken";
            case "DUPLICATE" -> "received before (file " + r.duplicateOf() + "): nothing done";
            case "REFUSED" -> "refused as a whole: nothing done";
            case "FAILED" -> "processing failed: nothing posted; it may be sent again";
            default -> r.status();
        };
    }
}
