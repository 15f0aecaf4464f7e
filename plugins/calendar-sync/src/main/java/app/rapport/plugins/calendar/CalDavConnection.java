package app.rapport.plugins.calendar;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One owner's link to one CalDAV calendar, and what Rapport last wrote there: kept in the owner's settings of the
 * plugin (the password apart, as a secret).
 */
final class CalDavConnection {

    enum Status { NOT_SYNCED_YET, OK, FAILING }

    /**
     * A meeting as Rapport last wrote it to (or read it from) the calendar.
     *
     * @param etag        the calendar's version of it then; null when the server gave none
     * @param fingerprint Rapport's meeting as written ({@link CalendarMeeting#fingerprint()})
     * @param gone        deleted from the calendar, by Rapport or by its owner
     */
    record Copy(String href, String etag, String fingerprint, Instant startsAt, int minutes, String location, boolean gone) {

        Copy withEtag(String newEtag) {
            return new Copy(href, newEtag, fingerprint, startsAt, minutes, location, gone);
        }

        Copy deleted() {
            return new Copy(href, null, fingerprint, startsAt, minutes, location, true);
        }

        static Copy written(String href, String etag, CalendarMeeting meeting) {
            return new Copy(href, etag, meeting.fingerprint(), meeting.startsAt(), meeting.minutes(), meeting.location(), false);
        }
    }

    final String id;
    final String url;
    final String username;
    Status status = Status.NOT_SYNCED_YET;
    Instant lastSyncedAt;
    String lastError;
    String lastConflict;
    String syncToken;
    final Map<String, Copy> copies = new LinkedHashMap<>();

    CalDavConnection(String id, String url, String username) {
        this.id = id;
        this.url = url;
        this.username = username;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", url);
        json.put("username", username);
        json.put("status", status.name());
        json.put("lastSyncedAt", lastSyncedAt);
        json.put("lastError", lastError);
        json.put("lastConflict", lastConflict);
        json.put("syncToken", syncToken);
        Map<String, Object> written = new LinkedHashMap<>();
        copies.forEach((interviewId, copy) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("href", copy.href());
            one.put("etag", copy.etag());
            one.put("fingerprint", copy.fingerprint());
            one.put("startsAt", copy.startsAt());
            one.put("minutes", copy.minutes());
            one.put("location", copy.location());
            one.put("gone", copy.gone());
            written.put(interviewId, one);
        });
        json.put("copies", written);
        return json;
    }

    @SuppressWarnings("unchecked")
    static CalDavConnection fromJson(String id, Map<String, Object> json) {
        CalDavConnection connection = new CalDavConnection(id, (String) json.get("url"), (String) json.get("username"));
        connection.status = Status.valueOf((String) json.getOrDefault("status", Status.NOT_SYNCED_YET.name()));
        connection.lastSyncedAt = instant(json.get("lastSyncedAt"));
        connection.lastError = (String) json.get("lastError");
        connection.lastConflict = (String) json.get("lastConflict");
        connection.syncToken = (String) json.get("syncToken");
        Map<String, Object> written = (Map<String, Object>) json.getOrDefault("copies", Map.of());
        written.forEach((interviewId, value) -> {
            Map<String, Object> one = (Map<String, Object>) value;
            connection.copies.put(interviewId, new Copy((String) one.get("href"), (String) one.get("etag"),
                                                        (String) one.get("fingerprint"), instant(one.get("startsAt")),
                                                        ((BigDecimal) one.get("minutes")).intValue(),
                                                        (String) one.get("location"), Boolean.TRUE.equals(one.get("gone"))));
        });
        return connection;
    }

    /** What GraphQL shows of it: never the password, nor the bookkeeping. */
    Map<String, Object> shown() {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", id);
        shown.putAll(toJson());
        shown.remove("syncToken");
        shown.remove("copies");
        return shown;
    }

    private static Instant instant(Object text) {
        return text == null ? null : Instant.parse((String) text);
    }
}
