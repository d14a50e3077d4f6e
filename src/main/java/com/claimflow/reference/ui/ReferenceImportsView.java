package com.claimflow.reference.ui;

import com.claimflow.base.ui.Formats;
import com.claimflow.base.ui.Notices;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.reference.importer.ImportKind;
import com.claimflow.reference.importer.ImportOptions;
import com.claimflow.reference.importer.ImportReport;
import com.claimflow.reference.importer.ReferenceImportService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Admins load the reference files they download (CMS code sets, NCCI and MUE tables, the customer's CPT file, payers,
 * providers, fee schedules). The import runs in the background; a progress bar follows it, and the outcome lists
 * every refused line with file, line and field. A refused file changes nothing.
 */
@Route("admin/imports")
@PageTitle("Reference data")
@Menu(order = 50, title = "Reference data")
@RolesAllowed("ADMINS")
public class ReferenceImportsView extends VerticalLayout {
    private final ReferenceImportService imports;
    private final CurrentWorker current;
    private final Select<ImportKind> kind = new Select<>();
    private final DatePicker effective = new DatePicker("Effective from (optional)");
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span progressText = new Span();
    private final Div outcome = new Div();
    private final Grid<ImportReport> history = new Grid<>(ImportReport.class, false);
    private Long running;

    public ReferenceImportsView(ReferenceImportService imports, CurrentWorker current) {
        this.imports = imports;
        this.current = current;
        setWidthFull();
        H2 title = new H2("Reference data");
        title.getStyle().set("margin", "0");
        Paragraph help = new Paragraph("Load a file as published (CMS layouts, or CSV for lists and the customer's own CPT file). "
                + "A file with a bad line is refused whole and changes nothing; the same file twice changes nothing.");
        help.getStyle().set("color", "var(--lumo-secondary-text-color)");

        kind.setId("import-kind");
        kind.setLabel("File");
        kind.setItems(ImportKind.values());
        kind.setItemLabelGenerator(ImportKind::label);
        kind.setWidth("24em");
        effective.setId("import-effective");
        effective.setHelperText("ICD-10-CM, CPT and MUE releases take it from the file name when empty");

        Upload upload = new Upload(UploadHandler.toTempFile(this::received));
        upload.setId("import-upload");
        upload.setDropLabel(new Span("Drop the file here"));
        upload.setMaxFiles(1);

        progress.setId("import-progress");
        progress.setVisible(false);
        progressText.setId("import-progress-text");
        outcome.setId("import-outcome");

        HorizontalLayout choose = new HorizontalLayout(kind, effective);
        choose.setAlignItems(FlexComponent.Alignment.BASELINE);
        history.setId("import-history");
        history.addColumn(r -> r.kind().label()).setHeader("File").setAutoWidth(true);
        history.addColumn(ImportReport::fileName).setHeader("Name").setFlexGrow(2);
        history.addColumn(ImportReport::status).setHeader("Outcome").setAutoWidth(true);
        history.addColumn(ImportReport::rowsRead).setHeader("Rows").setAutoWidth(true);
        history.addColumn(r -> r.inserted() + " new, " + r.updated() + " changed, " + r.closed() + " ended").setHeader("Changes").setAutoWidth(true);
        history.addColumn(ImportReport::startedBy).setHeader("By").setAutoWidth(true);
        history.addColumn(r -> r.startedAt() == null ? "" : Formats.age(r.startedAt()) + " ago").setHeader("When").setAutoWidth(true);
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.setAllRowsVisible(true);
        add(title, help, choose, upload, progress, progressText, outcome, new H2("Recent imports"), history);
        refreshHistory();
    }

    private void received(com.vaadin.flow.server.streams.UploadMetadata metadata, File file) throws IOException {
        // the upload's temp file is the framework's: keep our own copy, the import deletes it when done
        Path copy = Files.createTempFile("claimflow-import-", ".upload");
        Files.copy(file.toPath(), copy, StandardCopyOption.REPLACE_EXISTING);
        getUI().ifPresent(ui -> ui.access(() -> start(metadata.fileName(), copy)));
    }

    void start(String fileName, Path file) {
        if (kind.getValue() == null) {
            kind.setInvalid(true);
            kind.setErrorMessage("Choose which file this is");
            Notices.error("Choose which file this is, then upload it again.");
            deleteQuietly(file);
            return;
        }
        kind.setInvalid(false);
        try {
            running = imports.start(kind.getValue(), fileName, file, new ImportOptions(effective.getValue()), current.get().userId());
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            Notices.error(fileName + " could not be imported: " + e.getMessage());
            return;
        }
        outcome.removeAll();
        progress.setValue(0);
        progress.setVisible(true);
        progressText.setText("Importing " + fileName + " ...");
        getUI().ifPresent(ui -> ui.setPollInterval(500));
    }

    /** Called on every poll while an import runs. */
    void refresh() {
        if (running == null) return;
        imports.report(running).ifPresent(r -> {
            progress.setValue(Math.max(0, Math.min(1, r.progress())));
            progressText.setText(r.fileName() + ": " + Math.round(r.progress() * 100) + " % read, " + r.rowsRead() + " rows");
            if (!ImportReport.RUNNING.equals(r.status())) finished(r);
        });
    }

    private void finished(ImportReport r) {
        running = null;
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        progress.setVisible(false);
        outcome.removeAll();
        Paragraph summary = new Paragraph(switch (r.status()) {
            case ImportReport.REFUSED -> r.fileName() + " was refused: " + r.errorCount() + " problem(s). Nothing was changed.";
            case ImportReport.UNCHANGED -> r.fileName() + " is already loaded: nothing changed.";
            default -> r.fileName() + " imported: " + r.rowsRead() + " rows read, " + r.inserted() + " new, " + r.updated() + " changed, "
                    + r.closed() + " ended.";
        });
        summary.setId("import-summary");
        summary.getStyle().set("font-weight", "600")
                .set("color", r.refused() ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
        outcome.add(summary);
        r.errors().forEach(e -> outcome.add(new Paragraph(e)));
        progressText.setText("");
        refreshHistory();
    }

    private void refreshHistory() {
        history.setItems(imports.recent(20));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temp file left behind is harmless; say so in the log rather than fail the person's action
            org.slf4j.LoggerFactory.getLogger(ReferenceImportsView.class).debug("temp file {} not deleted: {}", file, e.getMessage());
        }
    }

}
