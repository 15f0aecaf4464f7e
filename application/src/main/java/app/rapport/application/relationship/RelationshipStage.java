package app.rapport.application.relationship;

import app.rapport.application.contact.ContactView;
import app.rapport.application.interview.InterviewView;
import app.rapport.domain.interview.InterviewStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a relationship stands, derived from the contact and its interviews: PROSPECT → REQUESTED → SCHEDULED →
 * MET → THANKED → KEEPING_IN_TOUCH, or DECLINED, or DORMANT when nothing happened for a long time.
 */
public enum RelationshipStage {
    PROSPECT, REQUESTED, SCHEDULED, MET, THANKED, KEEPING_IN_TOUCH, DECLINED, DORMANT;

    /** A relationship with no step, touch or meeting for this long has gone quiet. */
    public static final Duration DORMANT_AFTER = Duration.ofDays(180);

    /**
     * The stage of {@code contact} given its interviews; the latest interview that was not cancelled says where
     * the relationship is, a touch after the thanks means it is kept up.
     */
    public static RelationshipStage of(ContactView contact, List<InterviewView> interviews, Instant now) {
        return standing(contact, interviews).at(now);
    }

    /**
     * Where the relationship stands apart from time: its stage, and from when it counts as gone quiet. Only time
     * moves a relationship on from there, so a view can keep this and tell the stage at any later moment.
     */
    public static Standing standing(ContactView contact, List<InterviewView> interviews) {
        Optional<InterviewView> current = interviews.stream()
                .filter(interview -> interview.status() != InterviewStatus.CANCELLED)
                .max(Comparator.comparing(InterviewView::requestedAt));
        RelationshipStage stage = current.map(interview -> stageOf(interview, contact)).orElse(PROSPECT);
        Optional<Instant> lastActivity = Stream.concat(Stream.of(contact.addedAt(), contact.lastTouchAt()),
                                                       interviews.stream().flatMap(RelationshipStage::momentsOf))
                                               .filter(Objects::nonNull)
                                               .max(Comparator.naturalOrder());
        boolean canGoQuiet = stage != REQUESTED && stage != SCHEDULED;
        return new Standing(stage, canGoQuiet ? lastActivity.map(at -> at.plus(DORMANT_AFTER)).orElse(null) : null);
    }

    /**
     * @param stage   the stage while the relationship is not quiet
     * @param quietAt after this moment it is DORMANT; null: never by time alone (a request or meeting is pending, or
     *                nothing ever happened)
     */
    public record Standing(RelationshipStage stage, Instant quietAt) {

        public RelationshipStage at(Instant now) {
            return quietAt != null && quietAt.isBefore(now) ? DORMANT : stage;
        }
    }

    private static RelationshipStage stageOf(InterviewView interview, ContactView contact) {
        return switch (interview.status()) {
            case REQUESTED, ACCEPTED, NO_RESPONSE -> REQUESTED;
            case SCHEDULED -> SCHEDULED;
            case HELD -> MET;
            case THANKED -> contact.lastTouchAt() != null && contact.lastTouchAt().isAfter(interview.thanksSentAt())
                    ? KEEPING_IN_TOUCH : THANKED;
            case DECLINED -> DECLINED;
            case CANCELLED -> PROSPECT;
        };
    }

    private static Stream<Instant> momentsOf(InterviewView interview) {
        return Stream.of(interview.requestedAt(), interview.respondedAt(),
                         interview.notes() == null ? null : interview.notes().heldAt(), interview.thanksSentAt());
    }
}
