package app.rapport.application.privacy;

import app.rapport.domain.shared.PersonalData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JSON property names of a message type's {@link PersonalData} components, as the serializer's own
 * ObjectMapper names them (so a naming strategy or a rename is followed), worked out once per type.
 */
final class PersonalFields {

    private final ObjectMapper mapper;
    private final Map<Class<?>, List<String>> byType = new ConcurrentHashMap<>();

    PersonalFields(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<String> of(Class<?> type) {
        return byType.computeIfAbsent(type, this::find);
    }

    private List<String> find(Class<?> type) {
        Set<String> marked = markedMembers(type).filter(member -> member.isAnnotationPresent(PersonalData.class))
                                                .map(PersonalFields::nameOf)
                                                .collect(Collectors.toSet());
        if (marked.isEmpty()) {
            return List.of();
        }
        List<String> jsonNames = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (BeanPropertyDefinition property : mapper.getSerializationConfig()
                                                     .introspect(mapper.constructType(type))
                                                     .findProperties()) {
            if (marked.contains(property.getInternalName())) {
                jsonNames.add(property.getName());
                found.add(property.getInternalName());
            }
        }
        if (!found.equals(marked)) {
            // Personal data that is not serialized as a property of its own could not be encrypted.
            marked.removeAll(found);
            throw new IllegalStateException("Personal data " + marked + " of " + type.getName()
                                                    + " is not a JSON property of its own and cannot be encrypted");
        }
        return List.copyOf(jsonNames);
    }

    /** Record components, or for other classes their fields. */
    private static Stream<? extends AnnotatedElement> markedMembers(Class<?> type) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents());
        }
        Stream<Field> fields = Stream.empty();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            fields = Stream.concat(fields, Arrays.stream(current.getDeclaredFields()));
        }
        return fields;
    }

    private static String nameOf(AnnotatedElement member) {
        return member instanceof RecordComponent component ? component.getName() : ((Field) member).getName();
    }
}
