package com.claimflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a request to Camunda's webapps does, as the Spring layer judges it before Camunda's authorizations do:
 * reading (what compliance may do) or one of the operations leads may do (job retries, incidents).
 */
final class CamundaRequests {
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** The engine REST's path after {@code /camunda/api/engine/engine/{engine}}. */
    private static final Pattern ENGINE = Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)?$");
    /** Engine REST queries are POSTs to a collection or its count ({@code /process-instance}, {@code /history/variable-instance/count}). */
    private static final Pattern QUERY = Pattern.compile("^(/history)?/[a-z-]+(/count)?$");
    /** Collections whose POST changes something (message correlation, signals, conditional starts, history clean-up). */
    private static final Pattern NOT_A_QUERY = Pattern.compile("^(/history)?/(message|signal|condition|cleanup)(/count)?$");
    /** Cockpit's own plugin resources answer its list pages (process instances, incidents) to POSTed filters. */
    private static final Pattern COCKPIT_PLUGIN_QUERY = Pattern.compile("^/camunda/api/cockpit/plugin/[^/]+/[^/]+/.*$");
    /** Job and external-task retries, one or many, and resolving or annotating an incident. */
    private static final Pattern LEAD_OPERATION = Pattern.compile(
            "^(PUT /(job|job-definition|external-task)/[^/]+/retries|POST /job/retries|PUT /external-task/retries|POST /external-task/retries-async"
                    + "|DELETE /incident/[^/]+|(PUT|DELETE) /incident/[^/]+/annotation)$");

    private CamundaRequests() {
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Reads only: GET, or a POST that is a query. */
    static boolean isRead(HttpServletRequest request) {
        if (READ_METHODS.contains(request.getMethod())) return true;
        if (!"POST".equals(request.getMethod())) return false;
        String path = path(request);
        if (COCKPIT_PLUGIN_QUERY.matcher(path).matches()) return true;
        String engine = enginePath(path);
        return engine != null && QUERY.matcher(engine).matches() && !NOT_A_QUERY.matcher(engine).matches();
    }

    /** A lead's operation in Cockpit: retry a failed job or resolve or annotate an incident. */
    static boolean isLeadOperation(HttpServletRequest request) {
        String engine = enginePath(path(request));
        return engine != null && LEAD_OPERATION.matcher(request.getMethod() + " " + engine).matches();
    }

    private static String enginePath(String path) {
        var m = ENGINE.matcher(path);
        if (!m.matches()) return null;
        return m.group(1) == null ? "" : m.group(1);
    }
}
