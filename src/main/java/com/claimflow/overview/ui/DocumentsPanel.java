package com.claimflow.overview.ui;

import com.claimflow.audit.AuditService;
import com.claimflow.base.ui.Formats;
import com.claimflow.document.Documents;
import com.claimflow.document.EncounterDocument;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The documents the product wrote for the encounter (patient statements, appeal letters), newest first, each
 * downloadable as the PDF that was sent; a download is recorded as {@code GET /api/documents/{id}} records it.
 */
class DocumentsPanel extends Grid<EncounterDocument> {

    DocumentsPanel(List<EncounterDocument> kept, Documents documents, AuditService audit, String userId) {
        setId("documents");
        addColumn(d -> Formats.dateTime(d.createdAt())).setHeader("Written").setAutoWidth(true).setFlexGrow(0);
        addColumn(EncounterDocument::title).setHeader("Document").setFlexGrow(2);
        addColumn(d -> d.sizeBytes() / 1024 + " KB").setHeader("Size").setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(d -> {
            Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
                audit.record(userId, Documents.VIEWED_DOCUMENT, d.encounterId(), null, "ui " + d.kind() + " " + d.fileName());
                byte[] pdf = documents.content(d.id());
                return new DownloadResponse(new ByteArrayInputStream(pdf), d.fileName(), d.mediaType(), pdf.length);
            }), "Download PDF");
            download.setId("download-document-" + d.id());
            return download;
        }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        setItems(kept);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        setEmptyStateText("No statement or letter has been written for this encounter.");
    }
}
