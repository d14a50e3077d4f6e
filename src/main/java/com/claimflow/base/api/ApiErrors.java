package com.claimflow.base.api;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.base.NotFoundException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every API error is an RFC 9457 problem naming the field at fault. */
@RestControllerAdvice(basePackages = "com.claimflow")
public class ApiErrors {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        Map<String, String> fields = e.getBindingResult().getFieldErrors().stream()
                .collect(Collectors.toMap(f -> f.getField(), f -> String.valueOf(f.getDefaultMessage()), (a, b) -> a + "; " + b, java.util.TreeMap::new));
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                fields.entrySet().stream().map(f -> f.getKey() + " " + f.getValue()).collect(Collectors.joining("; ")));
        p.setTitle("Invalid request");
        p.setProperty("fields", fields);
        return p;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String detail = "request body is not valid JSON";
        String field = null;
        if (e.getCause() instanceof MismatchedInputException mie) {
            field = mie.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            detail = mie instanceof InvalidFormatException ife
                    ? field + ": value '" + ife.getValue() + "' is not a valid " + ife.getTargetType().getSimpleName()
                    : field + ": " + mie.getOriginalMessage();
        } else if (e.getCause() != null) {
            detail = "request body is not valid JSON: " + e.getCause().getMessage().lines().findFirst().orElse("");
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setTitle("Unreadable request");
        if (field != null) p.setProperty("fields", Map.of(field, detail));
        return p;
    }

    @ExceptionHandler(BadInputException.class)
    ProblemDetail badInput(BadInputException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid request");
        p.setProperty("fields", Map.of(e.field(), e.reason()));
        return p;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Conflict");
        if (e.existing() != null) p.setProperty("existing", e.existing());
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Not found");
        return p;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        p.setTitle("Forbidden");
        return p;
    }

}
