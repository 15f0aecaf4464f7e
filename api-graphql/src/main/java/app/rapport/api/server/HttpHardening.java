package app.rapport.api.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every HTTP answer carries and what every request may be: security headers on all responses ({@code nosniff},
 * no framing, no referrer, a CSP that allows nothing (the dashboard's page: its own scripts and styles), {@code no-store} on GraphQL answers, which carry tokens and
 * people's details); a size limit on GraphQL request bodies; JSON-array batches refused; and errors before GraphQL
 * (a body that is not JSON, too large, a wrong method) answered in GraphQL's shape, not Spring's.
 */
@Configuration(proxyBeanMethods = false)
class HttpHardening {

    static final String GRAPHQL = "/graphql";
    /** For answers that are data, not pages: a browser may run, load or frame nothing from them. */
    static final String NOTHING_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /**
     * For the dashboard's page: its own scripts and styles only (no inline script or style, no other origin), and
     * connections back to this server alone, HTTP and WebSocket.
     */
    static final String DASHBOARD_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                                           + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static boolean isDashboard(String path) {
        return "/".equals(path) || "/index.html".equals(path);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    OncePerRequestFilter securityHeadersAndLimits(QueryLimits.Limits limits) {
        long maxRequestBytes = limits.maxRequestBytes();
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("Referrer-Policy", "no-referrer");
                String path = request.getRequestURI();
                if (!path.startsWith("/graphiql")) {
                    response.setHeader("Content-Security-Policy", isDashboard(path) ? DASHBOARD_POLICY : NOTHING_POLICY);
                }
                if (!GRAPHQL.equals(request.getRequestURI()) || !"POST".equals(request.getMethod())) {
                    chain.doFilter(request, response);
                    return;
                }
                response.setHeader("Cache-Control", "no-store");
                if (request.getContentLengthLong() > maxRequestBytes) {
                    refuse(response, 413, "The request body is " + request.getContentLengthLong() + " bytes; at most " + maxRequestBytes
                                          + " are accepted (rapport.graphql.max-request-bytes)");
                    return;
                }
                Limited body = new Limited(request, maxRequestBytes);
                if (body.startsWith('[')) {
                    refuse(response, 400, "Batches (a JSON array of requests) are not accepted: send one operation per request");
                    return;
                }
                chain.doFilter(body, response);
            }
        };
    }

    /** Errors raised before GraphQL ran, for {@code /graphql}, in GraphQL's shape with a Rapport classification. */
    @Bean
    ErrorAttributes graphQlShapedErrors() {
        return new DefaultErrorAttributes() {
            @Override
            public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
                Map<String, Object> spring = super.getErrorAttributes(request, options);
                if (!GRAPHQL.equals(spring.get("path"))) {
                    return spring;
                }
                int status = spring.get("status") instanceof Integer code ? code : 500;
                String message = switch (status) {
                    case 400 -> "The request is not a GraphQL request: send JSON such as {\"query\": \"{ me { id } }\"}";
                    case 405 -> "Send GraphQL requests with POST (or over WebSocket)";
                    case 406, 415 -> "Send GraphQL requests as application/json and accept application/json or application/graphql-response+json";
                    case 413 -> "The request body is too large";
                    default -> "The request could not be handled (HTTP " + status + ")";
                };
                return graphQlError(message, status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST");
            }
        };
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        String json = "{\"errors\":[{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
                      + "\",\"extensions\":{\"classification\":\"BAD_REQUEST\"}}]}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> graphQlError(String message, String classification) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("classification", classification));
        return Map.of("errors", List.of(error));
    }

    /** The request with its body readable once, ended with an error past the limit even when no length was sent. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final byte[] start;
        private final ServletInputStream rest;
        private final long limit;
        private int position;
        private long read;

        Limited(HttpServletRequest request, long limit) throws IOException {
            super(request);
            this.limit = limit;
            this.rest = request.getInputStream();
            byte[] first = new byte[64];
            int length = 0;
            int got;
            while (length < first.length && (got = rest.read(first, length, first.length - length)) > 0) {
                length += got;
            }
            this.start = java.util.Arrays.copyOf(first, length);
        }

        boolean startsWith(char c) {
            for (byte b : start) {
                if (!Character.isWhitespace(b)) {
                    return b == c;
                }
            }
            return false;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    int next = position < start.length ? start[position++] & 0xff : rest.read();
                    if (next >= 0 && ++read > limit) {
                        throw new IOException("request body over " + limit + " bytes");
                    }
                    return next;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    if (length == 0) {
                        return 0;
                    }
                    int count;
                    if (position < start.length) {
                        count = Math.min(length, start.length - position);
                        System.arraycopy(start, position, buffer, offset, count);
                        position += count;
                    } else {
                        count = rest.read(buffer, offset, length);
                    }
                    if (count > 0 && (read += count) > limit) {
                        throw new IOException("request body over " + limit + " bytes");
                    }
                    return count;
                }

                @Override
                public boolean isFinished() {
                    return position >= start.length && rest.isFinished();
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("GraphQL requests are read blocking");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
