package app.rapport.application.history;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.interview.ReferralId;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
import app.rapport.domain.shared.PersonalData;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An event's payload as plain data for the history ({@code HistoryEntry.data}) and for plugins
 * ({@code RapportEvent.data}): maps, lists, texts, numbers and
 * flags only, so it is stored as a BSON sub-document and sent as JSON as it is. Ids appear as the value a client
 * knows ("dana", not the owner-scoped key), instants as ISO-8601 texts, enums by name; the owner is left out
 * (it is always the caller).
 */
public final class EventData {

    private EventData() {
    }

    public static Map<String, Object> of(Object payload) {
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
        RecordShape shape = RecordShape.of(payload.getClass());
        Object[] values = new Object[shape.accessors.length];
        try {
            for (int i = 0; i < values.length; i++) {
                values[i] = shape.personal[i] ? null : shape.accessors[i].invoke(payload);
            }
            return shape.canonical.newInstance(values);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // a record whose constructor refuses nulls: the caller falls back to a neutral entry
        }
    }

    /**
     * The event again, from its type and its data as {@link #of} made it: ids become the owner's, texts become instants
     * and enums. The history stores facts and renders its sentences from them when read.
     *
     * @return empty when no relationship event has that name, or the data does not fit it
     */
    static Optional<RelationshipEvent> toEvent(String type, Map<String, Object> data, OwnerId owner) {
        Class<?> eventType = RelationshipEvents.BY_NAME.get(type);
        if (eventType == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((RelationshipEvent) typed(eventType, eventType, data, owner));
        } catch (RuntimeException | ReflectiveOperationException unfit) {
            return Optional.empty();
        }
    }

    private static Object typed(Class<?> type, Type generic, Object value, OwnerId owner) throws ReflectiveOperationException {
        if (type == OwnerId.class) {
            return owner;
        }
        if (value == null) {
            return absent(type);
        }
        if (type == ContactId.class) {
            return new ContactId(owner, (String) value);
        }
        if (type == InterviewId.class) {
            return new InterviewId(owner, (String) value);
        }
        if (type == ReferralId.class) {
            return new ReferralId(owner, (String) value);
        }
        if (type == Instant.class) {
            return Instant.parse((String) value);
        }
        if (type == int.class || type == Integer.class) {
            return ((Number) value).intValue();
        }
        if (type == long.class || type == Long.class) {
            return ((Number) value).longValue();
        }
        if (type == double.class || type == Double.class) {
            return ((Number) value).doubleValue();
        }
        if (type.isEnum()) {
            return enumConstant(type, (String) value);
        }
        if (List.class.isAssignableFrom(type) && generic instanceof ParameterizedType parameterized) {
            Type element = parameterized.getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            for (Object item : (List<?>) value) {
                list.add(typed((Class<?>) element, element, item, owner));
            }
            return list;
        }
        if (type.isRecord() && value instanceof Map<?, ?> fields) {
            RecordShape shape = RecordShape.of(type);
            Object[] values = new Object[shape.components.length];
            for (int i = 0; i < values.length; i++) {
                RecordComponent component = shape.components[i];
                values[i] = typed(component.getType(), component.getGenericType(), fields.get(component.getName()), owner);
            }
            return shape.canonical.newInstance(values);
        }
        return value;
    }

    /** What a component the data leaves out holds: a primitive's zero, else null. */
    private static Object absent(Class<?> type) {
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }

    /** Every relationship event of the domain by its name, found once on the class path. */
    private static final class RelationshipEvents {

        static final Map<String, Class<?>> BY_NAME = find();

        private static Map<String, Class<?>> find() {
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AssignableTypeFilter(RelationshipEvent.class));
            Map<String, Class<?>> byName = new HashMap<>();
            for (BeanDefinition found : scanner.findCandidateComponents("app.rapport.domain")) {
                try {
                    Class<?> type = Class.forName(found.getBeanClassName(), false, RelationshipEvent.class.getClassLoader());
                    if (type.isRecord()) {
                        byName.put(type.getSimpleName(), type);
                    }
                } catch (ClassNotFoundException unreadable) {
                    // listed by the scan, so present; nothing to do if not
                }
            }
            return Map.copyOf(byName);
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
            RecordShape shape = RecordShape.of(value.getClass());
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < shape.components.length; i++) {
                if (shape.components[i].getType() == OwnerId.class) {
                    continue;
                }
                try {
                    map.put(shape.components[i].getName(), plain(shape.accessors[i].invoke(value)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + shape.components[i].getName() + " of "
                                                            + value.getClass().getSimpleName(), e);
                }
            }
            return map;
        }
        return value.toString();
    }

    /**
     * A record type's components, accessors and canonical constructor, looked up once per type: the class answers
     * each question with new copies, which cost more than the history's own work per event.
     */
    private static final class RecordShape {

        private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
            @Override
            protected RecordShape computeValue(Class<?> type) {
                return new RecordShape(type);
            }
        };

        final RecordComponent[] components;
        final Method[] accessors;
        final boolean[] personal;
        final Constructor<?> canonical;

        private RecordShape(Class<?> type) {
            this.components = type.getRecordComponents();
            this.accessors = new Method[components.length];
            this.personal = new boolean[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                personal[i] = components[i].isAnnotationPresent(PersonalData.class);
            }
            try {
                canonical = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            } catch (NoSuchMethodException impossible) {
                throw new IllegalStateException("A record without its canonical constructor: " + type.getName(), impossible);
            }
            canonical.setAccessible(true);
        }

        static RecordShape of(Class<?> recordType) {
            return SHAPES.get(recordType);
        }
    }
}
