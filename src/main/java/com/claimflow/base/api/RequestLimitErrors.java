package com.claimflow.base.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A body that turned out larger than its limit while being read (chunked, no Content-Length) is a 413 problem naming the
 * limit. Not restricted to a package: multipart bodies are parsed before any controller is chosen.
 */
@RestControllerAdvice
public class RequestLimitErrors {
    private final RequestLimits limits;

    public RequestLimitErrors(RequestLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(RequestSizeFilter.BodyTooLargeException.class)
    ProblemDetail tooLarge(RequestSizeFilter.BodyTooLargeException e, HttpServletRequest request) {
        return RequestSizeFilter.problem(request, e);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        RequestLimits.Limit limit = limits.forPath(request.getRequestURI().substring(request.getContextPath().length()));
        ProblemDetail p = RequestSizeFilter.problem(request, new RequestSizeFilter.BodyTooLargeException(limit));
        p.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        return p;
    }
}
