package com.claimflow.rules.ui;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ui.Badge;
import com.claimflow.base.ui.Formats;
import com.claimflow.base.ui.Notices;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.identity.Worker;
import com.claimflow.rules.DecisionTableContent;
import com.claimflow.rules.RuleCheck;
import com.claimflow.rules.RuleTable;
import com.claimflow.rules.RuleVersion;
import com.claimflow.rules.RulesService;
import com.claimflow.rules.SampleAnswer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Decision tables changed at run time: pick a table, read it as a table, download it, upload the version edited in
 * Camunda Modeler, compare the answers of both versions on the samples, and deploy it with a reason; every earlier
 * version can be downloaded or restored. Admins see every table, leads the SLA policy and task priority.
 */
@Route("admin/rules")
@PageTitle("Decision tables")
@Menu(order = 55, title = "Decision tables")
@RolesAllowed({"ADMINS", "LEADS"})
public class RulesView extends VerticalLayout {
    private final RulesService rules;
    private final Worker worker;
    private final Select<RuleTable> table = new Select<>();
    private final Div current = new Div();
    private final Div content = new Div();
    private final Div check = new Div();
    private final TextArea reason = new TextArea("Why the table changes");
    private final Button deploy = new Button("Deploy as new version");
    private final Grid<RuleVersion> history = new Grid<>(RuleVersion.class, false);
    private byte[] pending;

    public RulesView(RulesService rules, CurrentWorker currentWorker) {
        this.rules = rules;
        this.worker = currentWorker.get();
        setWidthFull();
        H2 title = new H2("Decision tables");
        title.getStyle().set("margin", "0");
        Paragraph help = new Paragraph("Download a table, edit it in Camunda Modeler, and upload it here. It is checked against what the "
                + "product reads from it and answered on sample inputs next to the current version; deployed with your reason, it is used "
                + "from the next evaluation on. Every version stays here to download or restore.");
        help.getStyle().set("color", "var(--lumo-secondary-text-color)");

        table.setId("rules-table");
        table.setLabel("Table");
        table.setItems(rules.tablesFor(worker));
        table.setItemLabelGenerator(RuleTable::label);
        table.setWidth("24em");
        table.addValueChangeListener(e -> show());
        current.setId("rules-current");
        content.setId("rules-content");

        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> checkUpload(bytes)))));
        upload.setId("rules-upload");
        upload.setAcceptedFileTypes(".dmn", ".xml");
        upload.setMaxFiles(1);
        upload.setDropLabel(new Span("Drop the .dmn file here"));
        check.setId("rules-check");
        reason.setId("rules-reason");
        reason.setWidthFull();
        reason.setMaxLength(RulesService.MAX_REASON);
        reason.setRequiredIndicatorVisible(true);
        reason.setHelperText("Required. Kept with the version and in the audit trail with your name.");
        deploy.setId("rules-deploy");
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        deploy.addClickListener(e -> confirm());
        history.setId("rules-history");
        history.addColumn(RuleVersion::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(v -> v.deployedAt() == null ? "" : Formats.dateTime(v.deployedAt())).setHeader("Deployed").setAutoWidth(true);
        history.addColumn(v -> v.deployedBy() == null ? "" : v.deployedBy()).setHeader("By").setAutoWidth(true);
        history.addColumn(RuleVersion::origin).setHeader("Origin").setAutoWidth(true);
        history.addColumn(v -> v.reason() == null ? "" : v.reason()).setHeader("Why").setFlexGrow(2);
        history.addComponentColumn(this::versionActions).setKey("actions").setHeader("").setAutoWidth(true).setFlexGrow(0);
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.setAllRowsVisible(true);

        add(title, help, table, current, content, new H3("Upload a new version"), upload, check, new H3("History"), history);
        rules.tablesFor(worker).stream().findFirst().ifPresent(table::setValue);
    }

    private void show() {
        RuleTable t = table.getValue();
        pending = null;
        check.removeAll();
        current.removeAll();
        content.removeAll();
        if (t == null) return;
        List<RuleVersion> versions = rules.versions(t.key(), worker);
        RuleVersion now = versions.get(0);
        Paragraph facts = new Paragraph("Version " + now.version() + ", " + now.origin()
                + (now.deployedAt() == null ? "" : ", deployed " + Formats.dateTime(now.deployedAt()))
                + (now.deployedBy() == null ? "" : " by " + now.deployedBy())
                + (now.reason() == null ? "" : ": " + now.reason()));
        facts.setId("rules-current-facts");
        current.add(facts, download(now, "Download version " + now.version() + " (.dmn)", "rules-download"));
        if (RuleVersion.SHIPPED.equals(now.origin())) {
            // a release redeploys the shipped tables on top of uploads (docs/decisions/0012): say which one it replaced
            versions.stream().filter(v -> v.deployedBy() != null).findFirst().ifPresent(mine -> {
                Paragraph superseded = new Paragraph("Version " + mine.version() + " (" + mine.origin() + " by " + mine.deployedBy()
                        + ") was replaced by the table shipped with the product; restore it below if it still applies.");
                superseded.setId("rules-superseded");
                superseded.getStyle().set("color", "var(--lumo-error-text-color)");
                current.add(superseded);
            });
        }
        for (DecisionTableContent d : rules.content(t.key(), now.version(), worker)) content.add(decision(d));
        history.setItems(versions);
    }

    private Div decision(DecisionTableContent d) {
        H3 name = new H3(d.name() + " (" + d.key() + ")");
        Span policy = new Span("Hit policy " + d.hitPolicy() + ", " + d.rules().size() + " rules");
        policy.setId("rules-hit-policy-" + d.key());
        Grid<DecisionTableContent.Rule> grid = new Grid<>();
        grid.setId("rules-grid-" + d.key());
        grid.addColumn(DecisionTableContent.Rule::number).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        for (int i = 0; i < d.inputs().size(); i++) {
            int column = i;
            grid.addColumn(r -> column < r.inputEntries().size() ? r.inputEntries().get(column) : "").setHeader("When " + d.inputs().get(i))
                    .setAutoWidth(true);
        }
        for (int i = 0; i < d.outputs().size(); i++) {
            int column = i;
            grid.addColumn(r -> column < r.outputEntries().size() ? r.outputEntries().get(column) : "").setHeader("Then " + d.outputs().get(i))
                    .setAutoWidth(true);
        }
        grid.addColumn(DecisionTableContent.Rule::annotation).setHeader("Annotation").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAllRowsVisible(true);
        grid.setItems(d.rules());
        return new Div(name, policy, grid);
    }

    /** Checks the uploaded file: its problems, or both versions' answers side by side and the reason to deploy it. */
    void checkUpload(byte[] bytes) {
        RuleTable t = table.getValue();
        pending = null;
        check.removeAll();
        if (t == null) {
            Notices.error("Choose the table first, then upload the file again.");
            return;
        }
        RuleCheck result;
        try {
            result = rules.check(t.key(), bytes, worker);
        } catch (BadInputException e) {
            result = new RuleCheck(t.key(), 0, List.of(e.reason()), List.of());
        }
        if (!result.accepted()) {
            Paragraph refused = new Paragraph("The file was refused; nothing was deployed:");
            refused.setId("rules-problems");
            refused.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
            check.add(refused);
            result.problems().forEach(p -> check.add(new Paragraph(p)));
            return;
        }
        pending = bytes;
        Paragraph summary = new Paragraph("The file can replace version " + result.currentVersion() + ": " + result.changedAnswers() + " of "
                + result.answers().size() + " sample answers change.");
        summary.setId("rules-check-summary");
        Grid<SampleAnswer> samples = new Grid<>();
        samples.setId("rules-samples");
        samples.addColumn(SampleAnswer::decision).setHeader("Decision").setAutoWidth(true);
        samples.addColumn(SampleAnswer::inputs).setHeader("Sample inputs").setFlexGrow(2);
        samples.addColumn(SampleAnswer::current).setHeader("Version " + result.currentVersion()).setFlexGrow(1);
        samples.addComponentColumn(a -> {
            Span s = new Span(a.uploaded());
            if (a.changed()) s.getStyle().set("font-weight", "600").set("color", "var(--lumo-error-text-color)");
            return s;
        }).setHeader("Uploaded").setFlexGrow(1);
        samples.addComponentColumn(a -> a.changed() ? new Badge("changed", Badge.Tone.WARNING) : new Span())
                .setHeader("").setAutoWidth(true).setFlexGrow(0);
        samples.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        samples.setAllRowsVisible(true);
        samples.setItems(result.answers());
        reason.clear();
        reason.setInvalid(false);
        check.add(summary, samples, reason, deploy);
    }

    void confirm() {
        RuleTable t = table.getValue();
        if (t == null || pending == null) return;
        try {
            RuleVersion v = rules.deploy(t.key(), pending, reason.getValue(), worker);
            Notices.success(t.label() + " version " + v.version() + " deployed; it is used from the next evaluation on.");
            show();
        } catch (BadInputException bad) {
            reason.setInvalid("reason".equals(bad.field()));
            reason.setErrorMessage(bad.reason());
            Notices.error(bad.getMessage());
        }
    }

    private Div versionActions(RuleVersion v) {
        Div actions = new Div(download(v, "Download", "rules-download-" + v.version()));
        if (!v.current()) {
            Button restore = new Button("Restore…", e -> new RestoreDialog(rules, worker, v, this::show).open());
            restore.setId("rules-restore-" + v.version());
            restore.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(restore);
        }
        return actions;
    }

    private Anchor download(RuleVersion v, String text, String id) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] xml = rules.dmn(v.key(), v.version(), worker);
            return new DownloadResponse(new ByteArrayInputStream(xml), v.key() + "-v" + v.version() + ".dmn", "application/xml", xml.length);
        }), text);
        a.setId(id);
        a.getElement().setAttribute("download", true);
        a.getStyle().set("margin-right", "var(--lumo-space-s)");
        return a;
    }
}
