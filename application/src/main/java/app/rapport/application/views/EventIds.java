package app.rapport.application.views;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The ids of one type an event names (a {@code ContactId}: the contact, its introducer, a merge's survivor), as the
 * keys of view rows ({@code owner/value}): the rows a batch will read, read ahead in one lookup ({@link ViewRows}).
 * Only a guess that saves round trips: a row it misses is read when asked for.
 */
public final class EventIds {

    private EventIds() {
    }

    /** For events that are records: the keys of their components of type {@code idType}. */
    public static Function<Object, Collection<String>> ofType(Class<?> idType) {
        Function<Object, ? extends List<?>> ids = ids(idType);
        return event -> ids.apply(event).stream().map(Object::toString).toList();
    }

    /** For events that are records: their components of type {@code idType} that are set. */
    public static <T> Function<Object, List<T>> ids(Class<T> idType) {
        ClassValue<List<Method>> accessors = new ClassValue<>() {
            @Override
            protected List<Method> computeValue(Class<?> type) {
                RecordComponent[] components = type.getRecordComponents();
                return components == null ? List.of()
                        : Arrays.stream(components).filter(component -> component.getType() == idType)
                                .map(RecordComponent::getAccessor).toList();
            }
        };
        return event -> {
            List<Method> found = accessors.get(event.getClass());
            if (found.isEmpty()) {
                return List.of();
            }
            List<T> ids = new ArrayList<>(found.size());
            for (Method accessor : found) {
                try {
                    Object id = accessor.invoke(event);
                    if (id != null) {
                        ids.add(idType.cast(id));
                    }
                } catch (ReflectiveOperationException unreadable) {
                    // a component that cannot be read is only a row not read ahead
                }
            }
            return ids;
        };
    }
}
