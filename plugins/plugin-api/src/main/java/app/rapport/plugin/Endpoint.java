package app.rapport.plugin;

/**
 * An HTTP endpoint at {@code /plugins/<id>/<path>}.
 *
 * @param method   {@code GET}, {@code POST}, {@code PUT} or {@code DELETE}
 * @param path     below the plugin's root, e.g. {@code imports} or {@code feed/*} (a {@code *} takes one segment)
 * @param isPublic false: only for a signed-in owner ({@code Authorization: Bearer …}); true: anyone may call it,
 *                 and it must check its own secret (a feed URL's token)
 */
public record Endpoint(String method, String path, boolean isPublic, Handler handler) {

    public interface Handler {
        EndpointResponse handle(EndpointRequest request) throws Exception;
    }

    public static Endpoint forOwner(String method, String path, Handler handler) {
        return new Endpoint(method, path, false, handler);
    }
}
