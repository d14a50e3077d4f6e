package com.claimflow.metrics.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.metrics.DashboardMetrics;
import com.claimflow.metrics.MetricsFixture;
import com.claimflow.reference.ReferenceService;
import com.claimflow.support.ApiTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GET /api/metrics/{figure}: each revenue figure computed from the rollups equals what {@link MetricsFixture} works out
 * by hand, the rollup follows a later payment, bad periods are refused naming the parameter, and only leads, compliance
 * and admins may read.
 */
class MetricsApiIT extends ApiTestBase {
    @Autowired JdbcTemplate jdbc;
    @Autowired ReferenceService referenceService;
    @Autowired DashboardMetrics metrics;
    @Autowired ObjectMapper json;

    MetricsFixture data;

    @BeforeEach
    void handComputableDataSet() {
        data = new MetricsFixture(jdbc, referenceService).build();
        metrics.refresh();
    }

    @Test
    void eachFigureEqualsTheHandComputedValue() throws Exception {
        JsonNode clean = figure("clean-claim-rate", "");
        assertThat(clean.get("headline").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(point(clean, "by payer", data.payer).get("numerator").asInt()).isEqualTo(2);
        assertThat(point(clean, "by payer", data.payer).get("denominator").asInt()).isEqualTo(4);
        assertThat(clean.get("mapKey").asText()).isEqualTo("Clean claim rate");

        JsonNode firstPass = figure("first-pass-acceptance", "");
        assertThat(firstPass.get("headline").decimalValue()).isEqualByComparingTo("66.7");

        JsonNode denials = figure("denial-rate", "");
        assertThat(denials.get("headline").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(point(denials, "by CARC group", "CO").get("value").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(point(denials, "by CARC group", "PR").get("value").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(point(denials, "by payer", data.payer).get("value").decimalValue()).isEqualByComparingTo("50.0");

        JsonNode collection = figure("net-collection-rate", "");
        assertThat(collection.get("headline").decimalValue()).isEqualByComparingTo("22.2");
        assertThat(point(collection, "by payer", data.payer).get("numerator").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(point(collection, "by payer", data.payer).get("denominator").decimalValue()).isEqualByComparingTo("270.00");

        JsonNode aging = figure("ar-aging", "");
        assertThat(point(aging, "0-30", data.payer).get("value").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(point(aging, "31-60", data.payer).get("value").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(point(aging, "91-120", data.payer).get("value").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(points(aging)).noneMatch(p -> p.get("series").asText().equals("61-90") || p.get("series").asText().equals("120+"));
        assertThat(aging.get("headline").decimalValue()).isEqualByComparingTo("19.2");

        JsonNode arDays = figure("ar-days", "");
        assertThat(arDays.get("headline").decimalValue()).isEqualByComparingTo("89.9");
        assertThat(point(arDays, "by payer", data.payer).get("numerator").decimalValue()).isEqualByComparingTo("260.00");

        assertThat(figure("dnfb", "&days=3").get("headline").asInt()).isEqualTo(2);
        JsonNode dnfb = figure("dnfb", "&days=7");
        assertThat(dnfb.get("headline").asInt()).isEqualTo(1);
        assertThat(point(dnfb, "by payer", data.payer).get("numerator").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(figure("dnfb", "&days=14").get("headline").asInt()).isEqualTo(1);
    }

    @Test
    void theRowsBehindAFigureAreItsEncounters() throws Exception {
        JsonNode co = rows("denial-rate", "&series=by CARC group&label=CO");
        assertThat(co).hasSize(1);
        assertThat(co.get(0).get("encounterId").asLong()).isEqualTo(data.denied);
        assertThat(co.get(0).get("note").asText()).isEqualTo("denied CO");

        List<Long> scrubbed = new ArrayList<>();
        rows("clean-claim-rate", "").forEach(r -> scrubbed.add(r.get("encounterId").asLong()));
        assertThat(scrubbed).containsExactly(data.resent, data.denied, data.unbilled, data.paid); // oldest date of service first

        JsonNode aged = rows("ar-aging", "&series=31-60&label=" + data.payer);
        assertThat(aged).hasSize(1);
        assertThat(aged.get(0).get("encounterId").asLong()).isEqualTo(data.denied);
        assertThat(aged.get(0).get("amount").decimalValue()).isEqualByComparingTo("200.00");

        JsonNode dnfb = rows("dnfb", "&days=3");
        assertThat(dnfb).extracting(r -> r.get("encounterId").asLong()).containsExactly(data.unbilled, data.fresh);
    }

    @Test
    void aLaterPaymentReachesTheFiguresAtTheNextRefresh() throws Exception {
        data.payResent();
        assertThat(figure("net-collection-rate", "").get("headline").decimalValue()).as("not refreshed yet").isEqualByComparingTo("22.2");

        metrics.refresh();

        // payments 60 + 45 over charges 350 less contractual 35
        assertThat(figure("net-collection-rate", "").get("headline").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(figure("denial-rate", "").get("headline").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(point(figure("ar-aging", ""), "0-30", data.payer).get("value").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(points(figure("ar-aging", ""))).noneMatch(p -> p.get("series").asText().equals("91-120"));
    }

    @Test
    void productivityAndSlaComplianceComeFromTheCompletedWork() throws Exception {
        data.workDays();
        String period = "?from=" + data.workFrom + "&to=" + data.workTo;

        JsonNode productivity = json.readTree(as("lena").getForObject("/api/metrics/productivity" + period, String.class));
        assertThat(point(productivity, "tasks per working day", data.workerA).get("value").decimalValue()).isEqualByComparingTo("3.0");
        assertThat(point(productivity, "tasks per working day", data.workerB).get("value").decimalValue()).isEqualByComparingTo("3.0");
        assertThat(point(productivity, "tasks per 7 days", data.workerA).get("value").decimalValue()).isEqualByComparingTo("5.3");
        assertThat(point(productivity, "tasks per 7 days", data.workerB).get("value").decimalValue()).isEqualByComparingTo("2.6");
        // A: 4 tasks in 4 min and 2 in 6 min, 10 min over 6 tasks; B: 3 tasks in 6 min
        assertThat(point(productivity, "mean handle minutes", data.workerA).get("value").decimalValue()).isEqualByComparingTo("1.7");
        assertThat(point(productivity, "mean handle minutes", data.workerB).get("value").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(productivity.get("headline").asInt()).isEqualTo(9);

        JsonNode sla = json.readTree(as("cora").getForObject("/api/metrics/sla-compliance" + period, String.class));
        assertThat(point(sla, "never escalated", data.workDay.toString()).get("value").decimalValue()).isEqualByComparingTo("42.9");
        assertThat(point(sla, "never escalated", data.workDay.plusDays(1).toString()).get("value").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(sla.get("headline").decimalValue()).isEqualByComparingTo("55.6");

        JsonNode behind = json.readTree(as("cora").getForObject("/api/metrics/productivity/rows" + period + "&label=" + data.workerA, String.class));
        assertThat(behind).hasSize(2);
        assertThat(behind.get(0).get("note").asText()).isEqualTo("4 completed, 0 warned, 1 escalated, mean handle 1.0 min");
    }

    @Test
    void badPeriodsAreRefusedNamingTheParameterAndChangeNothing() throws Exception {
        Instant asOf = metrics.asOf();
        assertRefused("/api/metrics/clean-claim-rate?from=2026-13-01", "from", "not a date");
        assertRefused("/api/metrics/clean-claim-rate?from=yesterday&to=2026-11-30", "from", "YYYY-MM-DD");
        assertRefused("/api/metrics/clean-claim-rate?from=2026-11-30&to=2026-11-01", "from", "after to");
        assertRefused("/api/metrics/clean-claim-rate?from=2024-01-01&to=2026-11-30", "to", "at most 731");
        assertRefused("/api/metrics/clean-claim-rate?payer=NOSUCHPAYER", "payer", "unknown payer");
        assertRefused("/api/metrics/dnfb?days=5", "days", "choose 3, 7 or 14");
        assertRefused("/api/metrics/dnfb?days=week", "days", "not a number");
        assertRefused("/api/metrics/happiness", "figure", "unknown figure");
        assertThat(metrics.asOf()).isEqualTo(asOf);
        assertThat(figure("clean-claim-rate", "").get("headline").decimalValue()).isEqualByComparingTo("50.0");
    }

    @Test
    void onlyLeadsComplianceAndAdminsReadTheFigures() {
        String path = "/api/metrics/denial-rate?payer=" + data.payer;
        assertThat(as("carla").getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("bella").getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("carla").getForEntity("/api/metrics/denial-rate/rows", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String user : List.of("lena", "cora", "adam")) {
            assertThat(as(user).getForEntity(path, String.class).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        }
    }

    private void assertRefused(String path, String field, String says) throws Exception {
        ResponseEntity<String> r = as("lena").getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(path + " " + r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(r.getBody()).get("fields").get(field).asText()).as(path).contains(says);
    }

    private String period() {
        return "?from=" + data.today.minusDays(120) + "&to=" + data.today + "&payer=" + data.payer;
    }

    private JsonNode figure(String name, String extra) throws Exception {
        ResponseEntity<String> r = as("lena").getForEntity("/api/metrics/" + name + period() + extra, String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    private JsonNode rows(String name, String extra) throws Exception {
        ResponseEntity<String> r = as("cora").getForEntity("/api/metrics/" + name + "/rows" + period() + extra, String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    private static List<JsonNode> points(JsonNode figure) {
        List<JsonNode> out = new ArrayList<>();
        figure.get("points").forEach(out::add);
        return out;
    }

    private static JsonNode point(JsonNode figure, String series, String label) {
        return points(figure).stream().filter(p -> p.get("series").asText().equals(series) && p.get("label").asText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no point " + series + "/" + label + " in " + figure.get("points")));
    }
}
