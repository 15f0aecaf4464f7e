package app.rapport.domain;

import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.shared.OwnWordsEvent;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promises the domain's messages make to the application: the fixed audit vocabulary, revisions, the
 * relationship every event belongs to, and personal data shaped so that it can be encrypted field by field.
 */
class MessageConventionsTest {

    /** The names users read in the audit history: renaming one breaks their history. */
    private static final Set<String> AUDIT_VOCABULARY = Set.of(
            "ContactAdded", "ContactUpdated", "TouchLogged", "FollowUpCadenceSet", "IntroductionRecorded",
            "ContactsMerged", "ContactMergedInto", "ContactForgotten",
            "InterviewRequested", "ResponseRecorded", "MeetingConfirmed", "MeetingRescheduled", "MeetingCancelled",
            "QuestionsPrepared", "NotesRecorded", "ReferralRecorded", "ThanksSent",
            "FollowUpBecameDue", "ThanksBecameOverdue", "NudgeBecameDue",
            "QuestionAdded");

    /** Events of the user's own question bank: their words, about no relationship and no third party. */
    private static final Set<String> OWN_DATA_EVENTS = Set.of("QuestionAdded");

    private static final Set<String> COMMANDS = Set.of(
            "AddContact", "UpdateContact", "LogTouch", "SetFollowUpCadence", "RecordIntroduction", "MergeContacts",
            "MarkMergedInto", "ForgetContact",
            "RequestInterview", "RecordResponse", "ConfirmMeeting", "RescheduleMeeting", "CancelMeeting",
            "PrepareQuestions", "RecordNotes", "RecordReferral", "SendThanks",
            "MarkFollowUpDue", "MarkThanksOverdue", "MarkNudgeDue",
            "AddQuestion");

    private static final List<Class<?>> CLASSES = DomainClasses.all();

    private static List<Class<?>> events() {
        return CLASSES.stream().filter(type -> type.isAnnotationPresent(Revision.class)).toList();
    }

    private static List<Class<?>> commands() {
        return CLASSES.stream().filter(type -> type.isRecord() && Arrays.stream(type.getRecordComponents())
                .anyMatch(MessageConventionsTest::isTarget)).toList();
    }

    @Test
    void theEventsAreExactlyTheAuditVocabulary() {
        assertThat(events().stream().map(Class::getSimpleName)).containsExactlyInAnyOrderElementsOf(AUDIT_VOCABULARY);
    }

    @Test
    void everyEventIsARecordOfRevisionOne() {
        assertThat(events()).allSatisfy(event -> {
            assertThat(event.isRecord()).as(event.getSimpleName() + " is a record").isTrue();
            assertThat(event.getAnnotation(Revision.class).value()).as(event.getSimpleName()).isEqualTo("1");
        });
    }

    @Test
    void everyEventBelongsToARelationship() {
        assertThat(events()).filteredOn(event -> !OWN_DATA_EVENTS.contains(event.getSimpleName()))
                            .allSatisfy(event -> assertThat(RelationshipEvent.class).isAssignableFrom(event));
        assertThat(events()).filteredOn(event -> OWN_DATA_EVENTS.contains(event.getSimpleName()))
                            .allSatisfy(event -> assertThat(OwnWordsEvent.class).isAssignableFrom(event));
        assertThat(CLASSES.stream().filter(RelationshipEvent.class::isAssignableFrom)
                          .filter(type -> !type.isInterface()))
                .allSatisfy(type -> assertThat(type.isAnnotationPresent(Revision.class))
                        .as(type.getSimpleName() + " has a revision").isTrue());
    }

    @Test
    void everyCommandIsARecordNamingItsTargetOnce() {
        assertThat(commands().stream().map(Class::getSimpleName)).containsExactlyInAnyOrderElementsOf(COMMANDS);
        assertThat(commands()).allSatisfy(command -> assertThat(Arrays.stream(command.getRecordComponents())
                .filter(MessageConventionsTest::isTarget))
                .as(command.getSimpleName()).hasSize(1));
    }

    @Test
    void personalDataIsOnlyTextListsOfTextOrRecordsOfMarkedText() {
        List<RecordComponent> personal = CLASSES.stream()
                .filter(Class::isRecord)
                .flatMap(type -> Arrays.stream(type.getRecordComponents()))
                .filter(component -> component.isAnnotationPresent(PersonalData.class))
                .toList();
        assertThat(personal).isNotEmpty();
        assertThat(personal).allSatisfy(component -> assertThat(isEncryptable(component.getGenericType()))
                .as(component.getDeclaringRecord().getSimpleName() + "." + component.getName())
                .isTrue());
    }

    @Test
    void everyEventMarksItsTextsAsPersonalData() {
        // Every free text in a relationship event describes the person or the conversation, and the question bank's
        // are the user's own words, erased with their account; time zones are no text here.
        Set<String> notPersonal = Set.of("MeetingConfirmed.timeZone");
        Set<String> unmarked = events().stream()
                .flatMap(event -> Arrays.stream(event.getRecordComponents()))
                .filter(component -> isText(component.getGenericType()))
                .filter(component -> !component.isAnnotationPresent(PersonalData.class))
                .map(component -> component.getDeclaringRecord().getSimpleName() + "." + component.getName())
                .collect(Collectors.toSet());
        assertThat(unmarked).isEqualTo(notPersonal);
    }

    /** Axon's annotation does not target record components; it reaches the field and accessor Axon reads. */
    private static boolean isTarget(RecordComponent component) {
        return component.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class);
    }

    private static boolean isText(Type type) {
        return type == String.class || isListOf(type, String.class);
    }

    private static boolean isEncryptable(Type type) {
        if (isText(type)) {
            return true;
        }
        Class<?> record = type instanceof Class<?> plain ? plain : listElement(type);
        return record != null && record.isRecord() && Arrays.stream(record.getRecordComponents())
                .allMatch(c -> c.getType() == String.class && c.isAnnotationPresent(PersonalData.class));
    }

    private static boolean isListOf(Type type, Class<?> element) {
        return listElement(type) == element;
    }

    private static Class<?> listElement(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class
            && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }
}
