package com.claimflow.metrics.ui;

import com.claimflow.metrics.FigureValues;
import com.claimflow.metrics.FigureValues.Point;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A chart drawn by Apache ECharts (the webjar's pre-built bundle, no npm build, loaded as the encounter page loads
 * bpmn-js): labels on the x axis, one series per point series. A click on a bar or point reports its series and label
 * back to the server, which shows the rows behind it.
 */
class EChart extends Div {
    static final String SCRIPT = "context://webjars/echarts/5.3.1/dist/echarts.min.js";

    /** Draws the option {@code $1} (JSON) into {@code $0} once echarts is there; the element says data-drawn="true" when done. */
    private static final String DRAW = """
            const el = $0, option = JSON.parse($1);
            el.removeAttribute('data-drawn');
            const draw = (tries) => {
              if (!window.echarts) { if (tries < 100) setTimeout(() => draw(tries + 1), 100); else el.setAttribute('data-error', 'echarts did not load'); return; }
              let chart = window.echarts.getInstanceByDom(el);
              if (!chart) {
                chart = window.echarts.init(el);
                chart.on('click', p => el.$server.clicked(p.seriesName || '', String(p.name)));
                if (window.ResizeObserver) new ResizeObserver(() => chart.resize()).observe(el);
              }
              chart.setOption(option, true);
              el.setAttribute('data-drawn', 'true');
            };
            draw(0);
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BiConsumer<String, String> onClick;
    private String option = "{}";

    EChart(String id, BiConsumer<String, String> onClick) {
        this.onClick = onClick;
        setId(id);
        setWidthFull();
        setHeight("280px");
    }

    /** Loads the script into the page once per page load (Vaadin adds a dependency only once). */
    static void load(UI ui) {
        ui.getPage().addJavaScript(SCRIPT);
    }

    /** Shows the figure: bars per label and series (stacked when {@code stacked}), or a line when {@code line}. */
    void show(FigureValues values, boolean stacked, boolean line) {
        LinkedHashSet<String> labels = new LinkedHashSet<>();
        LinkedHashSet<String> series = new LinkedHashSet<>();
        for (Point p : values.points()) {
            labels.add(p.label());
            series.add(p.series());
        }
        List<String> xs = new ArrayList<>(labels);
        List<Object> drawn = new ArrayList<>();
        for (String s : series) {
            List<BigDecimal> data = new ArrayList<>();
            for (String x : xs) {
                data.add(values.points().stream().filter(p -> p.series().equals(s) && p.label().equals(x)).findFirst().map(Point::value).orElse(null));
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", s);
            one.put("type", line ? "line" : "bar");
            if (stacked) one.put("stack", "total");
            one.put("data", data);
            drawn.add(one);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", line ? "axis" : "item"));
        option.put("legend", Map.of("type", "scroll"));
        option.put("grid", Map.of("left", 48, "right", 16, "top", 40, "bottom", 32));
        option.put("xAxis", Map.of("type", "category", "data", xs));
        option.put("yAxis", Map.of("type", "value", "name", values.unit()));
        option.put("series", drawn);
        try {
            this.option = JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        getElement().setAttribute("data-points", String.valueOf(values.points().size()));
        if (isAttached()) draw();
    }

    /** The ECharts option last shown, as JSON. */
    String option() {
        return option;
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        draw();
    }

    private void draw() {
        getElement().executeJs(DRAW, getElement(), option);
    }

    /** A click on a bar or point in the browser. */
    @ClientCallable
    void clicked(String series, String label) {
        onClick.accept(series, label);
    }
}
