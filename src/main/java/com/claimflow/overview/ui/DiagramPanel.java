package com.claimflow.overview.ui;

import com.claimflow.base.ui.Formats;
import com.claimflow.overview.EncounterFile.ProcessPath;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;

/**
 * The encounter's processes drawn by bpmn-js (the webjar's pre-built viewer, no npm build): the deployed model of the
 * chosen process instance, the steps it passed marked green and where it stands now outlined orange.
 */
class DiagramPanel extends VerticalLayout {
    static final String VIEWER = "context://webjars/bpmn-js/8.0.0/dist/bpmn-navigated-viewer.production.min.js";
    static final String[] STYLES = {"context://webjars/bpmn-js/8.0.0/dist/assets/diagram-js.css",
            "context://webjars/bpmn-js/8.0.0/dist/assets/bpmn-font/css/bpmn-embedded.css"};

    /**
     * Draws {@code $1} (BPMN XML) into {@code $0} once the viewer script is there, then marks the ids in {@code $2}
     * (passed, comma-separated) and {@code $3} (current); the container says data-drawn="true" when done.
     */
    private static final String DRAW = """
            const el = $0, xml = $1, done = $2 ? $2.split(',') : [], now = $3 ? $3.split(',') : [];
            if (!document.getElementById('cf-bpmn-markers')) {
              const s = document.createElement('style');
              s.id = 'cf-bpmn-markers';
              s.textContent = '.cf-done:not(.djs-connection) .djs-visual > :nth-child(1) { fill: #dcf3e1 !important; stroke: #2e7d32 !important; }'
                + ' .cf-current:not(.djs-connection) .djs-visual > :nth-child(1) { stroke: #ef6c00 !important; stroke-width: 5px !important; }';
              document.head.appendChild(s);
            }
            el.removeAttribute('data-drawn');
            const draw = (tries) => {
              if (!window.BpmnJS) { if (tries < 100) setTimeout(() => draw(tries + 1), 100); else el.setAttribute('data-error', 'bpmn-js did not load'); return; }
              if (el.cfViewer) el.cfViewer.destroy();
              const viewer = new window.BpmnJS({ container: el });
              el.cfViewer = viewer;
              viewer.importXML(xml).then(() => {
                const canvas = viewer.get('canvas'), registry = viewer.get('elementRegistry');
                canvas.zoom('fit-viewport');
                done.forEach(id => { if (registry.get(id)) canvas.addMarker(id, 'cf-done'); });
                now.forEach(id => { if (registry.get(id)) canvas.addMarker(id, 'cf-current'); });
                el.setAttribute('data-drawn', 'true');
              }).catch(err => el.setAttribute('data-error', String(err)));
            };
            draw(0);
            """;

    private final RepositoryService repository;
    private final Div canvas = new Div();

    DiagramPanel(List<ProcessPath> processes, RepositoryService repository) {
        this.repository = repository;
        setPadding(false);
        setWidthFull();
        if (processes.isEmpty()) {
            add(new Span("No process has started for this encounter."));
            return;
        }
        Select<ProcessPath> which = new Select<>();
        which.setId("diagram-process");
        which.setLabel("Process");
        which.setItems(processes);
        which.setItemLabelGenerator(p -> p.definitionKey() + " · started " + Formats.dateTime(p.startedAt()) + (p.ended() ? " · ended" : " · active"));
        which.setWidth("28em");
        canvas.setId("bpmn-diagram");
        canvas.setWidthFull();
        canvas.setHeight("560px");
        canvas.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
        Span legend = new Span("Green: steps passed. Orange outline: where it stands now.");
        legend.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(which, legend, canvas);
        which.addValueChangeListener(e -> {
            if (e.getValue() != null) draw(e.getValue());
        });
        which.setValue(processes.get(0));
    }

    /** Loads the viewer script and styles into the page once per page load (Vaadin adds a dependency only once). */
    static void loadViewer(UI ui) {
        ui.getPage().addJavaScript(VIEWER);
        for (String css : STYLES) ui.getPage().addStyleSheet(css);
    }

    private void draw(ProcessPath p) {
        String xml = model(p.definitionId());
        canvas.getElement().executeJs(DRAW, canvas.getElement(), xml, String.join(",", p.completed()), String.join(",", p.active()));
    }

    private String model(String definitionId) {
        try (InputStream in = repository.getProcessModel(definitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
