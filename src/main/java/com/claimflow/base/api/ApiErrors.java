package com.claimflow.base.api;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.base.NotFoundException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every API error is an RFC 9457 problem naming the field at fault. Bad input of any shape (unreadable or oversized
 * JSON, a path or query parameter of the wrong type, a missing part, a broken multipart body, a value the database
 * cannot hold) is a 4xx; a 5xx means a fault of the server, is logged with an incident id and answered without a stack
 * trace ({@link ServerFaults}, after every handler of every advice). The framework's exceptions are answered here only
 * for {@code /api} requests; the UI and Camunda's apps keep their own error pages.
 */
@RestControllerAdvice
public class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    /** What a problem quotes of a rejected value: enough to recognise it, never a megabyte back. */
    private static final int QUOTE = 60;

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        Map<String, String> fields = new TreeMap<>();
        for (FieldError f : e.getBindingResult().getFieldErrors()) fields.merge(f.getField(), String.valueOf(f.getDefaultMessage()), (a, b) -> a + "; " + b);
        e.getBindingResult().getGlobalErrors().forEach(g -> fields.merge(g.getObjectName(), String.valueOf(g.getDefaultMessage()), (a, b) -> a + "; " + b));
        return fields(HttpStatus.BAD_REQUEST, "Invalid request", fields);
    }

    /** Constraints on a controller method's parameters (Spring's own method validation). */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        Map<String, String> fields = new TreeMap<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> fields.merge(
                r.getMethodParameter().getParameterName() == null ? "request" : r.getMethodParameter().getParameterName(),
                String.valueOf(err.getDefaultMessage()), (a, b) -> a + "; " + b)));
        return fields(HttpStatus.BAD_REQUEST, "Invalid request", fields);
    }

    /** Constraints checked by {@code @Validated} beans: the field is the last node of the path ({@code page(queue, page).page}). */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail violated(ConstraintViolationException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        Map<String, String> fields = new TreeMap<>();
        e.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            fields.merge(path.substring(path.lastIndexOf('.') + 1), v.getMessage(), (a, b) -> a + "; " + b);
        });
        return fields(HttpStatus.BAD_REQUEST, "Invalid request", fields);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        Throwable cause = e.getCause();
        String field = null;
        String detail;
        if (cause instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            field = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            detail = field + ": " + (jme instanceof InvalidFormatException ife
                    ? "value '" + quote(ife.getValue()) + "' is not a valid " + ife.getTargetType().getSimpleName()
                    : jme instanceof MismatchedInputException mie && mie.getTargetType() != null
                    ? "expected " + describe(mie.getTargetType()) + " (" + firstLine(mie.getOriginalMessage()) + ")"
                    : firstLine(jme.getOriginalMessage()));
        } else if (cause instanceof InputCoercionException ice) {
            detail = "a number is out of range for its field (" + firstLine(ice.getOriginalMessage()) + ")" + at(ice.getLocation());
        } else if (cause instanceof StreamConstraintsException sce) {
            detail = "the request body exceeds a limit of the JSON reader: " + firstLine(sce.getOriginalMessage());
        } else if (cause instanceof JsonProcessingException jpe) {
            detail = "request body is not valid JSON: " + firstLine(jpe.getOriginalMessage()) + at(jpe.getLocation());
        } else {
            detail = "request body is missing or not readable" + (cause == null ? "" : ": " + firstLine(cause.getMessage()));
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setTitle("Unreadable request");
        p.setProperty("fields", Map.of(field == null ? "body" : field, detail));
        return p;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        String expected = e.getRequiredType() == null ? "another type" : describe(e.getRequiredType());
        return field(HttpStatus.BAD_REQUEST, "Invalid request", e.getName(), "'" + quote(e.getValue()) + "' is not " + expected);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        return field(HttpStatus.BAD_REQUEST, "Invalid request", e.getParameterName(), "is required (" + e.getParameterType() + ")");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        return field(HttpStatus.BAD_REQUEST, "Invalid request", e.getRequestPartName(), "is required: send it as a part of the multipart/form-data body");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        return field(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", "body",
                "is larger than allowed" + (e.getMaxUploadSize() > 0 ? " (" + e.getMaxUploadSize() + " bytes)" : ""));
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail brokenMultipart(MultipartException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        return field(HttpStatus.BAD_REQUEST, "Unreadable request", "body",
                "is not a readable multipart/form-data body (boundary, part headers or the end of the body): " + firstLine(rootMessage(e)));
    }

    /** Spring Security's firewall, met while the body's form parameters are read: a name or value with control characters. */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        return field(HttpStatus.BAD_REQUEST, "Invalid request", "body",
                "has a parameter the server does not accept (control characters or an encoded separator in its name or value)");
    }

    @ExceptionHandler(BadInputException.class)
    ProblemDetail badInput(BadInputException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid request");
        p.setProperty("fields", Map.of(e.field(), e.reason()));
        return p;
    }

    @ExceptionHandler(BadUserRequestException.class)
    ProblemDetail badEngineRequest(BadUserRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", firstLine(e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Conflict");
        if (e.existing() != null) p.setProperty("existing", e.existing());
        return p;
    }

    /** Two people acted on the same task at once: the loser is told, as after any lost race. */
    @ExceptionHandler({OptimisticLockingException.class, TaskAlreadyClaimedException.class})
    ProblemDetail raced(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", "someone else changed this at the same moment; reload and try again");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(org.camunda.bpm.engine.exception.NotFoundException.class)
    ProblemDetail notFoundInTheEngine(org.camunda.bpm.engine.exception.NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", firstLine(e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail unauthenticated(AuthenticationException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "sign in first");
    }

    /**
     * A value the database refuses: SQL state class 22 (data exception: too long, out of range, bad date) is input that
     * no check caught, class 23 (integrity: a duplicate key) a clash with what exists. Logged, because the check belongs
     * in the request's validation.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> refusedByDatabase(DataIntegrityViolationException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        String state = sqlState(e);
        if (e instanceof DuplicateKeyException || state.startsWith("23")) {
            log.warn("{} {}: a duplicate the request's checks did not catch: {}", request.getMethod(), request.getRequestURI(), rootMessage(e));
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "Conflict", "the request clashes with data that exists"));
        }
        if (state.startsWith("22")) {
            log.warn("{} {}: a value the request's checks did not catch: {}", request.getMethod(), request.getRequestURI(), rootMessage(e));
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                    "a value is too long, out of range or not valid for where it is stored: " + firstLine(rootMessage(e))));
        }
        return serverFault(e, request);
    }

    /**
     * Spring's own request errors (405, 406, 415, 404 of an unknown route, a missing header) keep their status, as a
     * problem; one of them with a 5xx is a fault of the server.
     */
    @ExceptionHandler(ServletException.class)
    ResponseEntity<ProblemDetail> requestError(ServletException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        if (e instanceof ErrorResponse er && er.getStatusCode().value() < 500) {
            return ResponseEntity.status(er.getStatusCode()).headers(er.getHeaders()).body(er.getBody());
        }
        return serverFault(e, request);
    }

    private static ResponseEntity<ProblemDetail> serverFault(Exception e, HttpServletRequest request) {
        ProblemDetail p = ServerFaults.logged(e, request);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(p);
    }

    /**
     * What no handler took (any advice's: this one runs after them all) is a fault of the server: for an API request it
     * is logged with an incident id and answered as a 500 problem without the stack trace; elsewhere the container's
     * error page answers as before.
     */
    @Component
    static class ServerFaults implements HandlerExceptionResolver, Ordered {
        private final ObjectMapper json;

        ServerFaults(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
            if (!isApi(request) || response.isCommitted()) return null;
            ProblemDetail p = logged(e, request);
            try {
                response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                json.writeValue(response.getOutputStream(), p);
            } catch (IOException write) {
                log.warn("could not write the problem of a failed request: {}", write.toString());
            }
            return new ModelAndView();
        }

        static ProblemDetail logged(Exception e, HttpServletRequest request) {
            String incident = UUID.randomUUID().toString();
            log.error("incident {}: {} {} failed", incident, request.getMethod(), request.getRequestURI(), e);
            ProblemDetail p = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Server error",
                    "the server failed to answer this request; the fault is logged as incident " + incident);
            p.setProperty("incident", incident);
            return p;
        }
    }

    /** Spring's framework errors outside the API (the UI, Camunda's apps) are left to their own error handling. */
    private static void apiOnly(HttpServletRequest request, Exception e) throws Exception {
        if (!isApi(request)) throw e;
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }

    private static ProblemDetail field(HttpStatusCode status, String title, String field, String message) {
        return fields(status, title, Map.of(field, message));
    }

    private static ProblemDetail fields(HttpStatusCode status, String title, Map<String, String> fields) {
        ProblemDetail p = problem(status, title, fields.entrySet().stream().map(f -> f.getKey() + " " + f.getValue()).collect(Collectors.joining("; ")));
        p.setProperty("fields", fields);
        return p;
    }

    private static String describe(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) return "a whole number";
        if (Number.class.isAssignableFrom(type) || type == double.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a string";
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) return "a date (yyyy-MM-dd)";
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "a list";
        if (type.isEnum()) return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        return "an object (" + type.getSimpleName() + ")";
    }

    private static String at(JsonLocation where) {
        return where == null || where.getLineNr() < 0 ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    private static String quote(Object value) {
        String s = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
        return s.length() > QUOTE ? s.substring(0, QUOTE) + "..." : s;
    }

    private static String firstLine(String message) {
        if (message == null) return "";
        String line = message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return String.valueOf(t.getMessage());
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) return sql.getSQLState();
        }
        return "";
    }
}
