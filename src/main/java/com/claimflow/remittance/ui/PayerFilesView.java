package com.claimflow.remittance.ui;

import com.claimflow.base.ui.Notices;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.remittance.InboundFiles;
import com.claimflow.remittance.InboundResult;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
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
 * A payer's file (999, 277CA or 835) uploaded by a person, read exactly as one that arrives by API or in the inbox: an
 * 835 posts its payments and denials, which open the tasks that work them. The answer lists what the file did and
 * every problem with its segment.
 */
@Route("payer-files")
@PageTitle("Payer files")
@Menu(order = 40, title = "Payer files")
@RolesAllowed({ "BILLERS", "LEADS", "ADMINS" })
public class PayerFilesView extends VerticalLayout {
    private final InboundFiles files;
    private final String userId;
    private final Div outcome = new Div();

    public PayerFilesView(InboundFiles files, CurrentWorker current) {
        this.files = files;
        this.userId = current.get().userId();
        setWidthFull();
        H2 title = new H2("Payer files");
        title.getStyle().set("margin", "0");
        Paragraph help = new Paragraph("Upload a 999, 277CA or 835 the payer or clearinghouse sent. It is read as if it had arrived: "
                + "acknowledgements move claims on, remittances post payments and open denial tasks. The same file twice changes nothing.");
        help.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Upload upload = new Upload(UploadHandler.toTempFile(this::received));
        upload.setId("payer-file-upload");
        upload.setDropLabel(new Span("Drop the payer's file here"));
        upload.setMaxFiles(1);
        outcome.setId("payer-file-outcome");
        add(title, help, upload, outcome);
    }

    private void received(UploadMetadata metadata, File file) throws IOException {
        InboundResult result;
        try (InputStream in = Files.newInputStream(file.toPath())) {
            result = files.receive(in, "UI", metadata.fileName(), userId);
        }
        getUI().ifPresent(ui -> ui.access(() -> show(metadata.fileName(), result)));
    }

    void show(String fileName, InboundResult r) {
        outcome.removeAll();
        InboundResult.Counts c = r.counts();
        Paragraph summary = new Paragraph(fileName + ": " + r.status() + " (" + r.transactionType() + " from " + r.senderId() + ", file " + r.fileId()
                + "): " + c.claims() + " claim(s), " + c.posted() + " posted, " + c.accepted() + " accepted, " + c.rejected() + " rejected, "
                + c.unmatched() + " unmatched, " + c.duplicates() + " duplicate(s), " + c.failed() + " failed.");
        summary.setId("payer-file-summary");
        outcome.add(summary);
        if (!r.errors().isEmpty()) {
            outcome.add(new UnorderedList(r.errors().stream().map(p -> new ListItem("segment " + p.segment() + " " + p.segmentId()
                    + (p.element() == null ? "" : " " + p.element()) + ": " + p.message())).toArray(ListItem[]::new)));
        }
        if ("PROCESSED".equals(r.status()) || "DUPLICATE".equals(r.status())) Notices.success(fileName + " read: " + r.status().toLowerCase());
        else Notices.error(fileName + " was " + r.status().toLowerCase() + ": see the problems listed.");
    }
}
