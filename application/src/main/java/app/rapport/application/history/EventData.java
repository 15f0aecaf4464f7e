package app.rapport.application.history;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.interview.ReferralId;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
import app.rapport.domain.shared.PersonalData;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event's payload as plain data for the history ({@code HistoryEntry.data}): maps, lists, texts, numbers and
 * flags only, so it is stored as a BSON sub-document and sent as JSON as it is. Ids appear as the value a client
 * knows ("dana", not the owner-scoped key), instants as ISO-8601 texts, enums by name; the owner is left out
 * (it is always the caller).
 */
final class EventData {

    private EventData() {
    }

    static Map<String, Object> of(Object payload) {
        Object data = plain(payload);
        if (data instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return typed;
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("value", data);
        return wrapped;
    }

    /**
     * The same event with every {@link PersonalData} component null: what the event store hands back once the
     * contact was forgotten. The history's erased entries are made from it, so a replay after the erasure
     * writes exactly what purging wrote. Null when the payload is not a record (nothing to erase field by field).
     */
    static Object withoutPersonalData(Object payload) {
        if (payload == null || !payload.getClass().isRecord()) {
            return null;
        }
        RecordComponent[] components = payload.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].isAnnotationPresent(PersonalData.class)
                        ? null
                        : components[i].getAccessor().invoke(payload);
            }
            Constructor<?> canonical = payload.getClass().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // a record whose constructor refuses nulls: the caller falls back to a neutral entry
        }
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof ContactId id) {
            return id.value();
        }
        if (value instanceof InterviewId id) {
            return id.value();
        }
        if (value instanceof ReferralId id) {
            return id.value();
        }
        if (value instanceof OwnerId) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof TemporalAccessor || value instanceof java.time.ZoneId) {
            return value.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Collection<?> values) {
            List<Object> list = new ArrayList<>(values.size());
            values.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (value.getClass().isRecord()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                if (component.getType() == OwnerId.class) {
                    continue;
                }
                try {
                    map.put(component.getName(), plain(component.getAccessor().invoke(value)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + component.getName() + " of "
                                                            + value.getClass().getSimpleName(), e);
                }
            }
            return map;
        }
        return value.toString();
    }
}
