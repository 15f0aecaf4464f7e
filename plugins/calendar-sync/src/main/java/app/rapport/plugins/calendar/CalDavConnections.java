package app.rapport.plugins.calendar;

import app.rapport.plugin.Json;
import app.rapport.plugin.OwnerSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The owner's CalDAV connections, among their secrets of the plugin (encrypted at rest: the copies name meetings'
 * times and places); each password a secret of its own.
 */
final class CalDavConnections {

    private static final String CONNECTIONS = "caldav-connections";
    private static final String PASSWORD = "caldav-password-";

    private final OwnerSettings settings;

    CalDavConnections(OwnerSettings settings) {
        this.settings = settings;
    }

    @SuppressWarnings("unchecked")
    List<CalDavConnection> all() {
        List<CalDavConnection> all = new ArrayList<>();
        stored().forEach((id, json) -> all.add(CalDavConnection.fromJson(id, (Map<String, Object>) json)));
        return all;
    }

    String password(CalDavConnection connection) {
        return settings.secret(PASSWORD + connection.id)
                       .orElseThrow(() -> new CalDavClient.CalDavFailure("the password of this connection is missing; connect again"));
    }

    void add(CalDavConnection connection, String password) {
        settings.putSecret(PASSWORD + connection.id, password);
        save(connection);
    }

    void save(CalDavConnection connection) {
        Map<String, Object> all = stored();
        all.put(connection.id, connection.toJson());
        settings.putSecret(CONNECTIONS, Json.write(all));
    }

    boolean remove(String id) {
        Map<String, Object> all = stored();
        if (all.remove(id) == null) {
            return false;
        }
        settings.putSecret(CONNECTIONS, all.isEmpty() ? null : Json.write(all));
        settings.putSecret(PASSWORD + id, null);
        return true;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> stored() {
        return settings.secret(CONNECTIONS).map(text -> (Map<String, Object>) Json.read(text)).map(LinkedHashMap::new)
                       .orElseGet(LinkedHashMap::new);
    }
}
