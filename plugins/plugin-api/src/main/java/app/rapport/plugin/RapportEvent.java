package app.rapport.plugin;

import java.time.Instant;
import java.util.Map;

/**
 * One event of Rapport's stream.
 *
 * @param position    its place in the stream: later events have higher positions
 * @param type        the event's name, e.g. {@code MeetingConfirmed} (as in the history's {@code type})
 * @param ownerId     whose network it belongs to
 * @param contactId   the contact it concerns, or null
 * @param interviewId the interview it concerns, or null
 * @param actor       who caused it: {@code user:<id>}, {@code plugin:<id>} or {@code system:<name>}
 * @param data        its fields, as JSON-like values (texts, numbers, booleans, lists, maps); ids as their texts
 */
public record RapportEvent(long position, String type, String ownerId, String contactId, String interviewId,
                           Instant at, String actor, Map<String, Object> data) {

    public RapportEvent {
        data = Map.copyOf(data);
    }
}
