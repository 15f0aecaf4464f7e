package app.rapport.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request to a plugin's endpoint.
 *
 * @param ownerId    the signed-in owner; null for a public endpoint
 * @param path       the path below the plugin's root, without a leading slash: {@code echo/hello}
 * @param parameters the query string's parameters
 * @param uploads    the files of a {@code multipart/form-data} body, by field name
 */
public record EndpointRequest(String ownerId, String path, Map<String, List<String>> parameters,
                              Map<String, Upload> uploads) {

    public Optional<Upload> upload(String field) {
        return Optional.ofNullable(uploads.get(field));
    }

    /** A file sent with the request; readable while the request is being handled. */
    public interface Upload {

        String filename();

        long size();

        InputStream open() throws IOException;
    }
}
