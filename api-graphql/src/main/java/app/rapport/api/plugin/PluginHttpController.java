package app.rapport.api.plugin;

import app.rapport.api.account.BearerTokenInterceptor;
import app.rapport.application.account.AccountService;
import app.rapport.application.account.Unauthenticated;
import app.rapport.application.plugin.PluginEndpoints;
import app.rapport.plugin.Busy;
import app.rapport.plugin.Endpoint;
import app.rapport.plugin.EndpointRequest;
import app.rapport.plugin.EndpointResponse;
import app.rapport.plugin.Refused;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serves plugins' HTTP endpoints under {@code /plugins/<id>/}: signs the owner in from {@code Authorization: Bearer …}
 * unless the endpoint is public, and turns a plugin's refusals into answers a person can act on.
 */
@RestController
class PluginHttpController {

    private static final Logger log = LoggerFactory.getLogger(PluginHttpController.class);

    private final PluginEndpoints endpoints;
    private final AccountService accounts;

    PluginHttpController(PluginEndpoints endpoints, AccountService accounts) {
        this.endpoints = endpoints;
        this.accounts = accounts;
    }

    @RequestMapping("/plugins/{plugin}/**")
    ResponseEntity<byte[]> serve(@PathVariable String plugin, HttpServletRequest request) {
        String root = request.getContextPath() + "/plugins/" + plugin;
        String path = request.getRequestURI().substring(Math.min(root.length(), request.getRequestURI().length()))
                             .replaceFirst("^/+", "");
        Optional<Endpoint> endpoint = endpoints.match(plugin, request.getMethod(), path);
        if (endpoint.isEmpty()) {
            return endpoints.serves(plugin, path)
                    ? answer(EndpointResponse.error(405, null, request.getMethod() + " is not served at " + request.getRequestURI()))
                    : answer(EndpointResponse.error(404, null, "nothing is served at " + request.getRequestURI()));
        }
        String owner = null;
        if (!endpoint.get().isPublic()) {
            try {
                owner = BearerTokenInterceptor.signedIn(accounts, request).id().value();
            } catch (Unauthenticated refused) {
                return answer(EndpointResponse.error(401, null, BearerTokenInterceptor.SIGN_IN_FIRST));
            }
        }
        EndpointRequest call = new EndpointRequest(owner, path, parameters(request), uploads(request));
        try {
            return answer(endpoint.get().handler().handle(call));
        } catch (Refused refused) {
            return answer(EndpointResponse.error(400, refused.field(), refused.getMessage()));
        } catch (Busy busy) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                                 .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, busy.retryAfter().toSeconds())))
                                 .contentType(MediaType.APPLICATION_JSON)
                                 .body(EndpointResponse.error(503, null, "busy: " + busy.getMessage() + "; try again").body());
        } catch (Exception failure) {
            log.warn("Plugin {} failed on {} {}", plugin, request.getMethod(), request.getRequestURI(), failure);
            return answer(EndpointResponse.error(500, null, "plugin " + plugin + " failed on this request; the server's log says why"));
        }
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        return parameters;
    }

    private static Map<String, EndpointRequest.Upload> uploads(HttpServletRequest request) {
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            return Map.of();
        }
        Map<String, EndpointRequest.Upload> uploads = new LinkedHashMap<>();
        multipart.getFileMap().forEach((field, file) -> uploads.put(field, new SentFile(file)));
        return uploads;
    }

    private static ResponseEntity<byte[]> answer(EndpointResponse response) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status());
        response.headers().forEach(builder::header);
        if (response.contentType() != null) {
            builder.contentType(MediaType.parseMediaType(response.contentType()));
        }
        return builder.body(response.body());
    }

    private record SentFile(MultipartFile file) implements EndpointRequest.Upload {

        @Override
        public String filename() {
            return file.getOriginalFilename();
        }

        @Override
        public long size() {
            return file.getSize();
        }

        @Override
        public InputStream open() throws IOException {
            return file.getInputStream();
        }
    }

    /** An upload over the limit is refused before any plugin sees it. */
    @RestControllerAdvice
    static class UploadLimit {

        @ExceptionHandler(MaxUploadSizeExceededException.class)
        ResponseEntity<byte[]> tooLarge(MaxUploadSizeExceededException tooLarge) {
            return answer(EndpointResponse.error(413, "file", "the upload is larger than this server accepts ("
                                                              + "spring.servlet.multipart.max-file-size); split the file or raise the limit"));
        }
    }
}
