package com.claimflow.metrics.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.identity.Roles;
import com.claimflow.identity.ui.AccessDeniedView;
import com.claimflow.workqueue.ui.MyWorkView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.claimflow.metrics.DashboardMetrics;
import com.claimflow.metrics.Figure;
import com.claimflow.metrics.FigureRow;
import com.claimflow.metrics.MetricsFixture;
import com.claimflow.reference.ReferenceService;
import com.claimflow.support.ui.KaribuTestBase;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard page: a chart and a definition per figure, and the rows behind a bar or a figure's Rows button. */
class DashboardViewTest extends KaribuTestBase {
    @Autowired JdbcTemplate jdbc;
    @Autowired ReferenceService reference;
    @Autowired DashboardMetrics metrics;

    MetricsFixture data;

    @BeforeEach
    void handComputableDataSet() {
        data = new MetricsFixture(jdbc, reference).build();
        metrics.refresh();
    }

    @Test
    void everyFigureHasItsChartAndItsDefinitionWithTheMapKey() {
        login("lena", Roles.LEADS);
        navigate(DashboardView.class);
        DashboardView view = _get(DashboardView.class);
        view.payer.setValue(data.payer);

        for (Figure f : Figure.values()) {
            EChart chart = _get(EChart.class, s -> s.withId("chart-" + f.id()));
            assertThat(chart.option()).as(f.id()).contains("\"series\"", "\"xAxis\"");
            String definition = _get(Paragraph.class, s -> s.withId("definition-" + f.id())).getText();
            assertThat(definition).as(f.id()).startsWith(f.definition());
            if (f.mapKey() != null) assertThat(definition).contains("HFMA MAP Key: \u201c" + f.mapKey() + "\u201d");
        }
        assertThat(_get(EChart.class, s -> s.withId("chart-denial-rate")).option()).contains("\"by CARC group\"", "\"CO\"", "50.0");
        assertThat(_get(Span.class, s -> s.withId("headline-clean-claim-rate")).getText()).isEqualTo("33.3 %"); // 1 of 3: the last 90 days leave out the resent claim
        assertThat(_get(Span.class, s -> s.withId("dashboard-as-of")).getText()).startsWith("As of ");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClickedBarAndTheRowsButtonShowTheEncountersBehindTheFigure() {
        login("cora", Roles.COMPLIANCE);
        navigate(DashboardView.class);
        DashboardView view = _get(DashboardView.class);
        view.payer.setValue(data.payer);

        _get(EChart.class, s -> s.withId("chart-denial-rate")).clicked(DashboardMetrics.BY_CARC_GROUP, "CO");

        Grid<FigureRow> grid = _get(Grid.class, s -> s.withId("figure-rows"));
        assertThat(rows(grid)).extracting(FigureRow::encounterId).containsExactly(data.denied);
        assertThat(rows(grid).get(0).note()).isEqualTo("denied CO");
        assertThat(_get(Span.class, s -> s.withId("figure-rows-caption")).getText()).isEqualTo("Denial rate · by CARC group · CO: 1 row(s)");
        Anchor link = (Anchor) _getCellComponent(grid, 0, "encounter");
        assertThat(link.getHref()).isEqualTo("encounter/" + data.denied);

        _click(_get(Button.class, s -> s.withId("rows-dnfb")));
        assertThat(rows(grid)).extracting(FigureRow::encounterId).containsExactly(data.unbilled);
        assertThat(rows(grid).get(0).note()).isEqualTo("no 837 sent");
    }

    @Test
    void codersDoNotSeeTheDashboardInTheMenuAndCannotOpenIt() {
        login(uniqueUser("coder"), Roles.CODERS);
        navigate(MyWorkView.class);
        assertThat(_get(SideNav.class).getItems()).extracting(SideNavItem::getLabel).contains("My work").doesNotContain("Dashboard");

        navigate(DashboardView.class);

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).noneMatch(DashboardView.class::isInstance)
                .anyMatch(AccessDeniedView.class::isInstance);
    }

    @Test
    void leadsFindTheDashboardInTheMenu() {
        login(uniqueUser("lead"), Roles.LEADS);
        navigate(MyWorkView.class);
        assertThat(_get(SideNav.class).getItems()).extracting(SideNavItem::getLabel).contains("Dashboard");
    }
}
