package com.claimflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.intake.EncounterService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The property "no input gives a 5xx", generated: every route of the product's {@code /api} (read from Spring's handler
 * mapping, so a new route is covered without a change here) gets a bounded number of bad requests from a fixed seed,
 * as a user the route allows: wrong types, huge numbers and 1e400, nulls inside lists, NUL bytes, very long strings,
 * deep nesting, broken JSON, wrong content types, dates out of range, unknown ids. Each answer must be below 500 and,
 * where the product answers, an RFC 9457 problem. Every failing route and input is listed at once.
 */
class NoServerErrorsIT extends ApiTestBase {
    private static final long SEED = 20261206L;
    private static final int CASES_PER_ROUTE = 14;
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(:[^}]*)?}");
    private static final String LONG = "x".repeat(20_000);
    /** A value after a colon: a string (possessive, so a long one costs no stack), a number, a literal or a flat list. */
    private static final Pattern JSON_VALUE = Pattern.compile(":(\"(?:[^\"\\\\]++|\\\\.)*+\"|-?[0-9.eE+-]++|true|false|null|\\[[^\\[\\]{}]*+])");
    private static final String DEEP = "[".repeat(5_000) + "]".repeat(5_000);
    /** JSON values no field of any request should choke on. */
    private static final List<String> BAD_VALUES = List.of(
            "1e400", "-1e400", "1" + "0".repeat(400), "99999999999999999999", "9223372036854775808", "-0", "0.001", "1e-400", "0",
            "-1", "12345678901.00", "null", "true", "[]", "{}", "[null]", "[1, null, \"x\"]", "{\"a\": null}", "\"\"", "\" \"",
            "\"\\u0000\"", "\"a\\u0000b\"", "\"" + LONG + "\"", "\"0000-01-01\"", "\"+999999999-12-31\"", "\"-0001-01-01\"",
            "\"2026-02-30\"", "\"1800-01-01\"", "\"9999-12-31T23:59\"", "\"\\u202e\\u0007~*:^\"", "\"yes\"", "\"' or 1=1 --\"", DEEP,
            "[" + "\"x\",".repeat(5_000) + "\"x\"]");
    /** Whole bodies that are not what any JSON endpoint reads. */
    private static final List<String> BAD_BODIES = List.of("", "null", "[]", "{", "{\"a\":", "{\"a\" 1}", "not json", "\u0000\u0000",
            DEEP, "{\"a\":" + "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_001), "[" + "{},".repeat(20_000) + "{}]", "\"" + LONG + "\"");
    /** Raw bodies for the endpoints that read files (X12, reference files). */
    private static final List<String> BAD_FILES = List.of("", "ISA*", "ISA" + "*".repeat(200) + "~", "\u0000".repeat(1_000), LONG,
            "ISA*00*          *00*          *ZZ*A              *ZZ*B              *261121*0815*^*00501*000000001*0*P*:~GS*FA~ST*999*1~SE*2*1~",
            "a,b,c\n" + "1,2,3\n".repeat(1_000), "\uFEFF\r\n~~~***:::^^^");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json", "application/json", "text/plain",
            "application/xml", "multipart/form-data", "multipart/form-data; boundary=b", "application/x-www-form-urlencoded",
            "application/octet-stream", "application/edi-x12", "text/csv", "");

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired EncounterService encounters;
    @Autowired ObjectMapper json;

    private record Route(RequestMethod method, String pattern, HandlerMethod handler, Set<String> consumes) {
    }

    private record Failure(String request, int status, String answer) {
        @Override
        public String toString() {
            return status + " for " + request + "\n      answered: " + answer;
        }
    }

    @Test
    void noInputGivesAServerError() throws Exception {
        long encounterId = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        String taskId = driver.task(encounterId, "CodeEncounter").taskId();
        Map<String, List<String>> pathValues = Map.of(
                "taskId", List.of(taskId, "no-such-task", "x".repeat(5_000), "%00", "%E2%80%AE", "..", "1e400"),
                "id", List.of(String.valueOf(encounterId), "0", "-1", "99999999999", "9223372036854775807", "9223372036854775808", "abc", "1e400", "%00"),
                "queue", List.of("coders", "billers", "leads", "no-such-queue", "x".repeat(5_000), "%00", "%20"),
                "kind", List.of("pos", "icd10cm", "snomed", "x".repeat(5_000), "%00"));

        List<Route> routes = routes();
        assertThat(routes).as("the API's routes").hasSizeGreaterThan(15);
        Random random = new Random(SEED);
        List<Failure> failures = new ArrayList<>();
        Set<String> covered = new TreeSet<>();
        long started = System.nanoTime();
        Map<String, Long> millisPerRoute = new LinkedHashMap<>();
        for (Route route : routes) {
            long routeStarted = System.nanoTime();
            covered.add(route.method() + " " + route.pattern());
            for (int i = 0; i < CASES_PER_ROUTE; i++) {
                String path = expand(route.pattern(), pathValues, random, i == 0);
                String query = query(route, random, i == 0);
                HttpHeaders headers = new HttpHeaders();
                String body = null;
                if (route.method() == RequestMethod.POST || route.method() == RequestMethod.PUT || route.method() == RequestMethod.PATCH) {
                    String contentType = contentType(route, random, i);
                    if (!contentType.isEmpty()) headers.set(HttpHeaders.CONTENT_TYPE, contentType);
                    body = body(route, contentType, random, i);
                }
                send(route.method(), path + query, headers, body, failures);
            }
            // a method the route does not have
            send(route.method() == RequestMethod.GET ? RequestMethod.DELETE : RequestMethod.PUT, expand(route.pattern(), pathValues, random, true),
                    new HttpHeaders(), null, failures);
            millisPerRoute.put(route.method() + " " + route.pattern() + " " + route.consumes(), (System.nanoTime() - routeStarted) / 1_000_000);
        }
        System.out.println("NoServerErrorsIT: milliseconds per route " + millisPerRoute);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(failures).as("%d routes, %d s; requests answered with a server error or without a problem:\n  %s", covered.size(), seconds,
                String.join("\n  ", failures.stream().map(Failure::toString).toList())).isEmpty();
    }

    /** Every /api route with each of its methods (GET and POST when it names none). */
    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of(RequestMethod.GET, RequestMethod.POST) : info.getMethodsCondition().getMethods();
            Set<String> consumes = new TreeSet<>();
            info.getConsumesCondition().getConsumableMediaTypes().forEach(m -> consumes.add(m.toString()));
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api")) continue;
                for (RequestMethod m : methods) routes.add(new Route(m, pattern, e.getValue(), consumes));
            }
        }
        routes.sort((a, b) -> (a.pattern() + a.method() + a.consumes()).compareTo(b.pattern() + b.method() + b.consumes()));
        return routes;
    }

    private void send(RequestMethod method, String pathAndQuery, HttpHeaders headers, String body, List<Failure> failures) {
        String user = pathAndQuery.startsWith("/api/admin") ? "adam" : "lena";
        String request = method + " " + excerpt(pathAndQuery) + (headers.getContentType() == null && !headers.containsKey(HttpHeaders.CONTENT_TYPE)
                ? "" : " [" + headers.getFirst(HttpHeaders.CONTENT_TYPE) + "]") + (body == null ? "" : " " + excerpt(body));
        ResponseEntity<String> r;
        try {
            URI uri = URI.create(http.getRootUri() + pathAndQuery);
            HttpEntity<byte[]> entity = new HttpEntity<>(body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
            r = as(user).exchange(uri, HttpMethod.valueOf(method.name()), entity, String.class);
        } catch (IllegalArgumentException notAUri) {
            return; // the client cannot even send it
        } catch (RuntimeException e) {
            failures.add(new Failure(request, -1, "no answer: " + e));
            return;
        }
        int status = r.getStatusCode().value();
        if (status >= 500) {
            failures.add(new Failure(request, status, excerpt(String.valueOf(r.getBody()))));
        } else if (status >= 400 && !isProblem(r) && !isFileReport(r) && !refusedBeforeTheProduct(r)) {
            failures.add(new Failure(request, status, "not a problem document: " + excerpt(String.valueOf(r.getBody()))));
        }
    }

    private boolean isProblem(ResponseEntity<String> r) {
        try {
            JsonNode body = json.readTree(r.getBody() == null ? "" : r.getBody());
            return body != null && body.hasNonNull("title") && body.path("status").asInt() == r.getStatusCode().value();
        } catch (Exception e) {
            return false;
        }
    }

    /** The file endpoints' 422: the file's own report (what was refused, with its errors), as their documentation says. */
    private boolean isFileReport(ResponseEntity<String> r) {
        try {
            JsonNode body = json.readTree(r.getBody() == null ? "" : r.getBody());
            return r.getStatusCode().value() == 422 && body != null && body.hasNonNull("status") && body.path("errors").isArray();
        } catch (Exception e) {
            return false;
        }
    }

    /** The servlet container refuses a path with an encoded NUL or slash before any filter or controller sees it. */
    private static boolean refusedBeforeTheProduct(ResponseEntity<String> r) {
        return r.getStatusCode().value() == 400 && r.getHeaders().getContentType() != null
                && r.getHeaders().getContentType().toString().startsWith("text/html");
    }

    private static String expand(String pattern, Map<String, List<String>> values, Random random, boolean first) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> choices = values.getOrDefault(m.group(1), List.of("1", "0", "-1", "x".repeat(5_000), "%00", "unknown"));
            String v = first ? choices.get(0) : choices.get(random.nextInt(choices.size()));
            m.appendReplacement(out, Matcher.quoteReplacement(v.contains("%") ? v : URLEncoder.encode(v, StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The handler's query parameters, each absent, sane or bad at random. */
    private static String query(Route route, Random random, boolean first) {
        List<String> pairs = new ArrayList<>();
        for (MethodParameter p : route.handler().getMethodParameters()) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp == null) continue;
            String name = rp.name().isEmpty() ? rp.value().isEmpty() ? p.getParameterName() : rp.value() : rp.name();
            if (name == null || (!first && random.nextInt(3) == 0)) continue;
            List<String> values = List.of("abc", "99999999999", "-1", "0", "1e400", "", "%00", "x".repeat(3_000), "true", "maybe",
                    "0000-01-01", "%2B999999999-12-31", "1~2~3", "9223372036854775807~9223372036854775807~x", "..%2F..%2Fetc%2Fpasswd");
            String v = first ? "1" : values.get(random.nextInt(values.size()));
            pairs.add(name + "=" + v);
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String contentType(Route route, Random random, int i) {
        if (i == 0 && !route.consumes().isEmpty()) return route.consumes().iterator().next();
        if (i == 0) return "application/json";
        if (!route.consumes().isEmpty() && random.nextBoolean()) {
            List<String> own = new ArrayList<>(route.consumes());
            return own.get(random.nextInt(own.size()));
        }
        return CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
    }

    private String body(Route route, String contentType, Random random, int i) throws Exception {
        Type bodyType = null;
        for (MethodParameter p : route.handler().getMethodParameters()) {
            if (p.hasParameterAnnotation(RequestBody.class)) bodyType = p.getGenericParameterType();
            if (p.hasParameterAnnotation(RequestPart.class)) return multipart(random);
        }
        if (contentType.startsWith("multipart/")) return multipart(random);
        if (bodyType == null || !contentType.contains("json")) return BAD_FILES.get(random.nextInt(BAD_FILES.size()));
        if (i > 0 && random.nextInt(5) == 0) return BAD_BODIES.get(random.nextInt(BAD_BODIES.size()));
        Object sample = sample(bodyType, 0);
        // a task form as sampled would complete the one real task at the first case: forms are always mutated
        boolean form = sample instanceof Map<?, ?> m && m.containsKey("diagnosisCodes");
        return i == 0 && !form ? json.writeValueAsString(sample) : mutate(json.writeValueAsString(sample), random);
    }

    /** Replaces one value of the JSON at random with a bad one (a string, number, literal, list or object). */
    private static String mutate(String valid, Random random) {
        Matcher values = JSON_VALUE.matcher(valid);
        List<int[]> spans = new ArrayList<>();
        while (values.find()) spans.add(new int[] {values.start(1), values.end(1)});
        String bad = BAD_VALUES.get(random.nextInt(BAD_VALUES.size()));
        if (spans.isEmpty()) return valid.startsWith("{") ? "{\"" + "unknown" + "\": " + bad + "}" : bad;
        int[] at = spans.get(random.nextInt(spans.size()));
        String once = valid.substring(0, at[0]) + bad + valid.substring(at[1]);
        if (random.nextBoolean() || spans.size() < 2 || once.length() > 10_000) return once;
        return mutate(once, random); // sometimes two at once
    }

    /** A plausible value of the type: records field by field, so that mutations reach every field of a request. */
    private static Object sample(Type type, int depth) {
        Class<?> raw = type instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : type instanceof Class<?> c ? c : Object.class;
        if (depth > 4) return null;
        if (raw == String.class) return "x";
        if (raw == boolean.class || raw == Boolean.class) return true;
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) return 1;
        if (raw == double.class || raw == Double.class || raw == BigDecimal.class) return new BigDecimal("10.00");
        if (raw == LocalDate.class) return LocalDate.now().minusDays(3).toString();
        if (raw == LocalDateTime.class) return LocalDateTime.now().minusDays(3).withNano(0).toString();
        if (Temporal.class.isAssignableFrom(raw)) return "2026-11-20T08:30:00Z";
        if (raw.isEnum()) return raw.getEnumConstants()[0].toString();
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = type instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : String.class;
            return List.of(sample(element, depth + 1));
        }
        if (Map.class.isAssignableFrom(raw)) {
            Map<String, Object> form = new LinkedHashMap<>();
            // the task forms' fields, as the completions read them
            form.put("diagnosisCodes", "I10");
            form.put("procedureLines", "99213 1 1");
            form.put("queryProvider", false);
            form.put("note", "x");
            form.put("resolution", "MATCHED");
            form.put("matchClaimId", "1");
            form.put("memberId", "XYZ123456789");
            form.put("writeOffApproved", true);
            return form;
        }
        if (raw.isRecord()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent c : raw.getRecordComponents()) fields.put(c.getName(), sample(c.getGenericType(), depth + 1));
            return fields;
        }
        return Map.of();
    }

    private static String multipart(Random random) {
        String name = List.of("pos.csv", "pos\u0000.csv", "../../pos.csv", "p".repeat(300), "", "\u0007", "a\\b.csv").get(random.nextInt(7));
        String part = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\nContent-Type: text/csv\r\n\r\n"
                + "99,x,2000-01-01,\n\r\n--b--\r\n";
        return switch (random.nextInt(4)) {
            case 0 -> part;
            case 1 -> part.substring(0, part.length() / 2);
            case 2 -> "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n";
            default -> BAD_FILES.get(random.nextInt(BAD_FILES.size()));
        };
    }

    private static String excerpt(String s) {
        String shown = s.replace("\u0000", "\\0").replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 160 ? shown.substring(0, 160) + "... (" + s.length() + " chars)" : shown;
    }
}
