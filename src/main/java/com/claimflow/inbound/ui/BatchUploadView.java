package com.claimflow.inbound.ui;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ui.Formats;
import com.claimflow.base.ui.Notices;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.identity.Roles;
import com.claimflow.inbound.Outcome;
import com.claimflow.inbound.Receipt;
import com.claimflow.inbound.batch.BatchStatus;
import com.claimflow.inbound.batch.CsvColumn;
import com.claimflow.inbound.batch.IntakeBatches;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encounter batch files: a biller drops a CSV (or an NDJSON of FHIR bundles), watches the rows open, and reads or
 * downloads what became of each row. Compliance sees the batches and their reports, without the upload.
 */
@Route("intake/batches")
@PageTitle("Batch intake")
@Menu(order = 4, title = "Batch intake")
@RolesAllowed({ "BILLERS", "LEADS", "ADMINS", "COMPLIANCE" })
public class BatchUploadView extends VerticalLayout {
    private final IntakeBatches batches;
    private final CurrentWorker current;
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span progressText = new Span();
    private final Div outcome = new Div();
    private final Grid<BatchStatus> history = new Grid<>();
    private Long running;

    public BatchUploadView(IntakeBatches batches, CurrentWorker current) {
        this.batches = batches;
        this.current = current;
        setWidthFull();
        H2 title = new H2("Batch intake");
        title.getStyle().set("margin", "0");
        Paragraph help = new Paragraph("Open many encounters at once from a CSV with the columns below (the first line names them, in any "
                + "order), or an NDJSON file with one FHIR bundle a line. A file with a wrong header is refused whole; otherwise each row opens "
                + "its encounter, is already there, or is refused with its line and column, and a refused row leaves nothing behind.");
        help.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(title, help);

        if (current.get().groups().stream().anyMatch(g -> g.equals(Roles.BILLERS) || g.equals(Roles.LEADS) || g.equals(Roles.ADMINS))) {
            Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> submit(metadata.fileName(),
                    bytes)))));
            upload.setId("batch-upload");
            upload.setDropLabel(new Span("Drop a .csv or .ndjson file here"));
            upload.setMaxFiles(1);
            // the service refuses larger files too (claimflow.limits.batches); the browser says so before sending
            upload.setMaxFileSize(10 * 1024 * 1024);
            upload.setAcceptedFileTypes(".csv", ".ndjson", ".jsonl", "text/csv", "application/x-ndjson");
            Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> {
                byte[] header = CsvColumn.headerLine().getBytes(StandardCharsets.UTF_8);
                return new DownloadResponse(new ByteArrayInputStream(header), "encounter-batch-template.csv", "text/csv", header.length);
            }), "Download an empty CSV with every column");
            template.setId("batch-template");
            add(upload, template);
        }
        progress.setId("batch-progress");
        progress.setVisible(false);
        progressText.setId("batch-progress-text");
        outcome.setId("batch-outcome");
        outcome.setWidthFull();

        history.setId("batch-history");
        history.addColumn(BatchStatus::id).setHeader("Batch").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(BatchStatus::fileName).setHeader("File").setFlexGrow(2);
        history.addColumn(BatchStatus::status).setHeader("Status").setAutoWidth(true);
        history.addColumn(b -> b.answered() + " of " + b.totalRows()).setHeader("Rows").setAutoWidth(true);
        history.addColumn(b -> b.opened() + " opened, " + b.alreadyThere() + " already there, " + b.refused() + " refused").setHeader("Outcome")
                .setAutoWidth(true);
        history.addColumn(BatchStatus::uploadedBy).setHeader("By").setAutoWidth(true);
        history.addColumn(b -> Formats.age(b.uploadedAt()) + " ago").setHeader("When").setAutoWidth(true);
        history.addComponentColumn(this::reportLink).setHeader("Report").setAutoWidth(true);
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.setAllRowsVisible(true);
        add(progress, progressText, outcome, new H2("Recent batches"), history);
        refreshHistory();
    }

    /** Keeps the file and starts it; a file refused whole says where, and nothing opened. */
    void submit(String fileName, byte[] bytes) {
        String text;
        try {
            text = IntakeBatches.text(fileName, bytes);
        } catch (BadInputException notUtf8) {
            Notices.error(fileName + " " + notUtf8.reason());
            return;
        }
        outcome.removeAll();
        try {
            running = batches.submit(fileName, current.get().userId(), text).id();
        } catch (BadInputException refused) {
            Paragraph p = new Paragraph(fileName + " was refused, nothing opened: " + refused.getMessage());
            p.setId("batch-refused");
            p.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
            outcome.add(p);
            refreshHistory();
            return;
        }
        progress.setValue(0);
        progress.setVisible(true);
        progressText.setText("Opening the rows of " + fileName + " ...");
        getUI().ifPresent(ui -> ui.setPollInterval(500));
        refresh();
    }

    /** Called on every poll while a batch runs. */
    void refresh() {
        if (running == null) return;
        BatchStatus b = batches.status(running);
        progress.setValue(b.progress());
        progressText.setText(b.fileName() + ": " + b.answered() + " of " + b.totalRows() + " rows, " + b.opened() + " opened, " + b.alreadyThere()
                + " already there, " + b.refused() + " refused");
        if (!b.running()) finished(b);
    }

    private void finished(BatchStatus b) {
        running = null;
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        progress.setVisible(false);
        outcome.removeAll();
        Paragraph summary = new Paragraph(b.fileName() + ": " + b.opened() + " encounter(s) opened, " + b.alreadyThere() + " already there, "
                + b.refused() + " refused.");
        summary.setId("batch-summary");
        summary.getStyle().set("font-weight", "600").set("color", b.refused() > 0 ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
        outcome.add(summary);
        if (b.refused() > 0) {
            Grid<Receipt> refused = new Grid<>();
            refused.setId("batch-refused-rows");
            refused.addColumn(Receipt::externalId).setHeader("External id").setAutoWidth(true);
            refused.addColumn(r -> r.problemField() == null ? "" : r.problemField()).setHeader("Where").setAutoWidth(true);
            refused.addColumn(Receipt::problem).setHeader("Why").setFlexGrow(3);
            refused.setItems(batches.receipts(b.id()).stream().filter(r -> r.outcome() == Outcome.REFUSED).toList());
            refused.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            refused.setAllRowsVisible(true);
            outcome.add(new H3("Refused rows"), refused);
        }
        outcome.add(reportLink(b));
        progressText.setText("");
        refreshHistory();
    }

    private Anchor reportLink(BatchStatus b) {
        Anchor report = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = batches.report(b.id()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), "batch-" + b.id() + "-report.csv", "text/csv", csv.length);
        }), "Report (CSV)");
        report.setId("batch-report-" + b.id());
        return report;
    }

    private void refreshHistory() {
        history.setItems(batches.recent(20));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }
}
