package app.rapport.application.history;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.FollowUpBecameDue;
import app.rapport.domain.interview.NudgeBecameDue;
import app.rapport.domain.interview.ThanksBecameOverdue;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
import app.rapport.domain.contact.RelationshipEvent;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Reminders are steps of the relationship too, and read as such in its history. */
class HistorySummariesTest {

    static final OwnerId MAYA = new OwnerId("maya");
    static final ContactId DANA = new ContactId(MAYA, "dana");
    static final InterviewId CHAT = new InterviewId(MAYA, "chat");
    static final Function<ContactId, String> NO_NAMES = id -> null;

    @Test
    void anOverdueThankYouSaysWhenItWasDue() {
        assertThat(HistorySummaries.summarize(new ThanksBecameOverdue(CHAT, DANA, Instant.parse("2026-12-19T16:00:00Z")),
                                              ZoneId.of("America/Chicago"), NO_NAMES))
                .startsWith("The thank-you note became overdue")
                .contains("19 Dec");
    }

    @Test
    void aDueNudgeNamesTheUnansweredRequest() {
        assertThat(HistorySummaries.summarize(new NudgeBecameDue(CHAT, DANA, Instant.parse("2026-11-02T09:00:00Z"),
                                                                 Instant.parse("2026-11-09T09:00:00Z")), ZoneOffset.UTC, NO_NAMES))
                .contains("2 Nov")
                .contains("nudge");
    }

    @Test
    void aDueFollowUpSaysItIsTimeToGetInTouch() {
        assertThat(HistorySummaries.summarize(new FollowUpBecameDue(DANA, Instant.parse("2027-01-15T00:00:00Z")), ZoneOffset.UTC, NO_NAMES))
                .startsWith("Time to get back in touch")
                .contains("15 Jan");
    }

    /**
     * Every event of a relationship reads as a sentence of its own: a new event type must be given one, rather than
     * reading "Recorded a step". The event types are found in the domain's classes, so none can be forgotten here.
     */
    @Test
    void everyEventOfARelationshipHasItsOwnSentence() throws Exception {
        List<Class<?>> events = relationshipEventTypes();
        assertThat(events).hasSizeGreaterThan(15);
        for (Class<?> type : events) {
            Object event = withEmptyComponents(type);
            assertThat(HistorySummaries.summarize(event, ZoneOffset.UTC, NO_NAMES)).as(type.getSimpleName())
                                                                         .isNotEqualTo(HistorySummaries.fallback(event));
        }
    }

    /**
     * The history stores an event's facts and renders its sentence when read: every relationship event must come back
     * whole from what is stored, or its sentence would change with the reading.
     */
    @Test
    void everyEventOfARelationshipIsRebuiltWholeFromItsStoredFacts() throws Exception {
        for (Class<?> type : relationshipEventTypes()) {
            for (Object event : List.of(withEveryComponent(type), withEmptyComponents(type))) {
                assertThat(EventData.toEvent(type.getSimpleName(), EventData.of(event), DANA.owner())).as(event.toString())
                                                                                                 .contains((RelationshipEvent) event);
            }
        }
        assertThat(EventData.toEvent("ContactTeleported", java.util.Map.of(), DANA.owner())).isEmpty();
    }

    /** The event with every component given a value, lists one element of their kind. */
    private static Object withEveryComponent(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> component = components[i].getType();
            String listOf = components[i].getGenericType().getTypeName();
            values[i] = component == boolean.class ? true : component == int.class || component == Integer.class ? 7
                    : component == String.class ? "text of " + components[i].getName()
                    : component == Instant.class ? Instant.parse("2026-03-02T09:15:30.123Z")
                    : component == ContactId.class ? DANA : component == InterviewId.class ? CHAT
                    : component == app.rapport.domain.interview.ReferralId.class ? new app.rapport.domain.interview.ReferralId(DANA.owner(), "ref-1")
                    : component == app.rapport.domain.shared.OwnerId.class ? DANA.owner()
                    : component.isEnum() ? component.getEnumConstants()[component.getEnumConstants().length - 1]
                    : listOf.contains("Answer") ? List.of(new app.rapport.domain.interview.Answer("What surprised you?", "The pace"))
                    : component == List.class ? List.of("one", "two")
                    : null;
        }
        return type.getDeclaredConstructor(java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
                   .newInstance(values);
    }

    private static List<Class<?>> relationshipEventTypes() throws Exception {
        Path classes = Path.of(RelationshipEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = classes.toFile().isDirectory() ? Files.walk(classes) : Stream.empty()) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                if (RelationshipEvent.class.isAssignableFrom(type) && type.isRecord()) {
                    types.add(type);
                }
            }
        }
        if (types.isEmpty()) { // the domain as a jar
            try (JarFile jar = new JarFile(classes.toFile())) {
                for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                    if (entry.getName().endsWith(".class")) {
                        Class<?> type = Class.forName(entry.getName().replace('/', '.').replaceAll("\\.class$", ""));
                        if (RelationshipEvent.class.isAssignableFrom(type) && type.isRecord()) {
                            types.add(type);
                        }
                    }
                }
            }
        }
        return types;
    }

    /** The event with every component empty (null, false, zero, the first constant), ids and times set. */
    private static Object withEmptyComponents(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> component = components[i].getType();
            values[i] = component == boolean.class ? false : component == int.class ? 0 : component == long.class ? 0L
                    : component == List.class ? List.of() : component == Instant.class ? Instant.EPOCH
                    : component == ContactId.class ? DANA : component == InterviewId.class ? CHAT
                    : component == app.rapport.domain.shared.OwnerId.class ? DANA.owner()
                    : component.isEnum() ? component.getEnumConstants()[0] : null;
        }
        return type.getDeclaredConstructor(java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
                   .newInstance(values);
    }
}
