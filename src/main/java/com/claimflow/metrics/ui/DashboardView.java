package com.claimflow.metrics.ui;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ui.Formats;
import com.claimflow.identity.Roles;
import com.claimflow.metrics.DashboardMetrics;
import com.claimflow.metrics.Figure;
import com.claimflow.metrics.FigureRow;
import com.claimflow.metrics.FigureValues;
import com.claimflow.metrics.Period;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/**
 * The revenue-cycle dashboard: every figure as an ECharts chart with its definition (and HFMA MAP Key) beside it, a
 * headline number, and the rows behind it: a click on a bar or the figure's "Rows" button fills the grid below with
 * the encounters (linked to their page) or worker-days it counts.
 */
@Route("dashboard")
@PageTitle("Dashboard")
@Menu(order = 3, title = "Dashboard")
@RolesAllowed({Roles.ROLE_LEADS, Roles.ROLE_COMPLIANCE, Roles.ROLE_ADMINS})
public class DashboardView extends VerticalLayout {
    static final String ALL_PAYERS = "All payers";

    private final DashboardMetrics metrics;
    final DatePicker from = new DatePicker("From (date of service)");
    final DatePicker to = new DatePicker("To");
    final Select<String> payer = new Select<>();
    final Select<Integer> dnfbDays = new Select<>();
    final Span asOf = new Span();
    final EnumMap<Figure, EChart> charts = new EnumMap<>(Figure.class);
    final EnumMap<Figure, Span> headlines = new EnumMap<>(Figure.class);
    final Grid<FigureRow> rows = new Grid<>();
    final Span rowsCaption = new Span("Click a bar or a figure's Rows button to see the rows behind it.");
    private Period period;

    public DashboardView(DashboardMetrics metrics) {
        this.metrics = metrics;
        setWidthFull();
        H2 title = new H2("Dashboard");
        title.getStyle().set("margin", "0");
        add(title, filters());

        Div figures = new Div();
        figures.setWidthFull();
        figures.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(30em, 1fr))").set("gap", "var(--lumo-space-m)");
        for (Figure f : Figure.values()) figures.add(card(f));
        add(figures);

        rowsCaption.setId("figure-rows-caption");
        rows.setId("figure-rows");
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        rows.addComponentColumn(r -> r.encounterId() == null ? new Span() : new Anchor("encounter/" + r.encounterId(), "#" + r.encounterId()))
                .setKey("encounter").setHeader("Encounter").setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(r -> r.day() == null ? "" : Formats.date(r.day())).setKey("day").setHeader("Date of service / day").setAutoWidth(true);
        rows.addColumn(r -> r.payer() != null ? r.payer() : Formats.orNone(r.queue())).setKey("payer").setHeader("Payer / queue").setAutoWidth(true);
        rows.addColumn(r -> r.worker() != null ? r.worker() : Formats.orNone(r.status())).setKey("status").setHeader("Claim status / worker")
                .setAutoWidth(true);
        rows.addColumn(r -> r.amount() == null ? "" : Formats.money(r.amount())).setKey("amount").setHeader("Amount").setAutoWidth(true);
        rows.addColumn(FigureRow::note).setKey("note").setHeader("How it counts").setFlexGrow(2);
        rows.setAllRowsVisible(false);
        rows.setHeight("24em");
        add(new H3("Rows behind the figure"), rowsCaption, rows);
        load();
    }

    private HorizontalLayout filters() {
        Period initial = metrics.period(null, null, null);
        from.setId("dashboard-from");
        to.setId("dashboard-to");
        from.setValue(initial.from());
        to.setValue(initial.to());
        payer.setId("dashboard-payer");
        payer.setLabel("Payer");
        List<String> payers = new ArrayList<>(List.of(ALL_PAYERS));
        payers.addAll(metrics.payers());
        payer.setItems(payers);
        payer.setValue(ALL_PAYERS);
        dnfbDays.setId("dashboard-dnfb-days");
        dnfbDays.setLabel("DNFB after");
        dnfbDays.setItems(3, 7, 14);
        dnfbDays.setItemLabelGenerator(d -> d + " days");
        dnfbDays.setValue(DashboardMetrics.DEFAULT_DNFB_DAYS);
        Button refresh = new Button("Bring up to date", e -> {
            metrics.refresh();
            load();
        });
        refresh.setId("dashboard-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        asOf.setId("dashboard-as-of");
        from.addValueChangeListener(e -> load());
        to.addValueChangeListener(e -> load());
        payer.addValueChangeListener(e -> load());
        dnfbDays.addValueChangeListener(e -> load());
        HorizontalLayout bar = new HorizontalLayout(from, to, payer, dnfbDays, refresh, asOf);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        return bar;
    }

    private Div card(Figure f) {
        EChart chart = new EChart("chart-" + f.id(), (series, label) -> showRows(f, series, label));
        charts.put(f, chart);
        Span headline = new Span();
        headline.setId("headline-" + f.id());
        headline.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        headlines.put(f, headline);
        Button rowsButton = new Button("Rows", e -> showRows(f, null, null));
        rowsButton.setId("rows-" + f.id());
        rowsButton.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        H3 name = new H3(f.title());
        name.getStyle().set("margin", "0");
        HorizontalLayout top = new HorizontalLayout(name, headline, rowsButton);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.expand(name);
        Paragraph definition = new Paragraph(f.definition() + (f.mapKey() == null ? " (No HFMA MAP Key for this figure.)"
                : " HFMA MAP Key: \u201c" + f.mapKey() + "\u201d."));
        definition.setId("definition-" + f.id());
        definition.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        Div card = new Div(top, chart, definition);
        card.setId("figure-" + f.id());
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
        return card;
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        EChart.load(attach.getUI());
    }

    /** Reads the filters and redraws every figure; a bad period is shown beside the filters and changes nothing. */
    private void load() {
        try {
            String p = ALL_PAYERS.equals(payer.getValue()) ? null : payer.getValue();
            period = metrics.period(from.getValue() == null ? null : from.getValue().toString(), to.getValue() == null ? null : to.getValue().toString(), p);
        } catch (BadInputException e) {
            (e.field().equals("to") ? to : from).setErrorMessage(e.reason());
            (e.field().equals("to") ? to : from).setInvalid(true);
            return;
        }
        from.setInvalid(false);
        to.setInvalid(false);
        for (Figure f : Figure.values()) {
            FigureValues v = metrics.values(f, period, days());
            charts.get(f).show(v, f == Figure.AR_AGING, f == Figure.SLA_COMPLIANCE);
            headlines.get(f).setText(headline(v));
        }
        Instant at = metrics.asOf();
        asOf.setText(at == null ? "Figures not computed yet" : "As of " + Formats.dateTime(at));
    }

    private int days() {
        return dnfbDays.getValue() == null ? DashboardMetrics.DEFAULT_DNFB_DAYS : dnfbDays.getValue();
    }

    static String headline(FigureValues v) {
        BigDecimal h = v.headline();
        if (h == null) return "–";
        return switch (v.unit()) {
            case "%" -> h.toPlainString() + " %";
            case "USD" -> h.toPlainString() + " % over 90 days";
            default -> h.toPlainString() + " " + v.unit();
        };
    }

    /** Fills the grid with the rows behind a figure or one of its points. */
    void showRows(Figure f, String series, String label) {
        if (period == null) return;
        List<FigureRow> found = metrics.rows(f, period, days(), series, label);
        rows.setItems(found);
        rowsCaption.setText(f.title() + (label == null ? "" : " · " + series + " · " + label) + ": " + found.size() + " row(s)"
                + (found.size() == DashboardMetrics.ROW_LIMIT ? " (the first " + DashboardMetrics.ROW_LIMIT + ")" : ""));
    }
}
