package com.claimflow.base.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an {@code /api} request body over its {@link RequestLimits} with 413, before anything reads it: by its
 * Content-Length, and for a body without one (chunked) by reading at most one byte past the limit (JSON) or by counting
 * while the endpoint streams it (X12 files, raw reference imports; multipart imports are held to
 * spring.servlet.multipart's sizes).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@EnableConfigurationProperties(RequestLimits.class)
public class RequestSizeFilter extends OncePerRequestFilter {
    private final RequestLimits limits;
    private final ObjectMapper json;

    public RequestSizeFilter(RequestLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        RequestLimits.Limit limit = limits.forPath(request.getRequestURI().substring(request.getContextPath().length()));
        if (request.getContentLengthLong() > limit.bytes()) {
            refuse(request, response, limit);
            return;
        }
        if (request.getContentLengthLong() < 0 && !limit.streamed() && "chunked".equalsIgnoreCase(request.getHeader(HttpHeaders.TRANSFER_ENCODING))) {
            // a JSON body is read whole anyway: read it here, at most one byte past the limit, so no parser sees an overlong one
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.bytes() + 1));
            if (body.length > limit.bytes()) {
                refuse(request, response, limit);
                return;
            }
            chain.doFilter(new Read(request, body), response);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, RequestLimits.Limit limit) throws IOException {
        // the connection closes after the answer: the rest of the body is not read (Tomcat drains at most its swallow size)
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem(request, new BodyTooLargeException(limit)));
    }

    /** The 413 problem: the limit's setting, its size in bytes and what the request was. */
    static ProblemDetail problem(HttpServletRequest request, BodyTooLargeException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The body of " + request.getMethod() + " "
                + request.getRequestURI() + " is larger than " + e.limit().size() + " (" + e.limit().name() + "): send a smaller one");
        p.setTitle("Request body too large");
        p.setProperty("limit", e.limit().name());
        p.setProperty("maxBytes", e.limit().bytes());
        return p;
    }

    /** A body read past its limit; {@link RequestLimitErrors} answers it with 413. */
    public static class BodyTooLargeException extends RuntimeException {
        private final RequestLimits.Limit limit;

        public BodyTooLargeException(RequestLimits.Limit limit) {
            super("request body is larger than " + limit.size() + " (" + limit.name() + ")");
            this.limit = limit;
        }

        public RequestLimits.Limit limit() {
            return limit;
        }
    }

    /** The request with its body already read (a chunked JSON body within the limit). */
    private static final class Read extends HttpServletRequestWrapper {
        private final byte[] body;

        Read(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read before; read it blocking");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return reader(this);
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }
    }

    private static BufferedReader reader(HttpServletRequest request) throws IOException {
        String encoding = request.getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(request.getInputStream(), charset));
    }

    /** The request whose body stream throws {@link BodyTooLargeException} once more than the limit is read. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final RequestLimits.Limit limit;
        private ServletInputStream in;

        Limited(HttpServletRequest request, RequestLimits.Limit limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) in = new Counting(super.getInputStream(), limit);
            return in;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return reader(this);
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final RequestLimits.Limit limit;
        private long count;

        Counting(ServletInputStream in, RequestLimits.Limit limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) counted(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) counted(n);
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > limit.bytes()) throw new BodyTooLargeException(limit);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
