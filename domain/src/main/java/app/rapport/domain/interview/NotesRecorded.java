package app.rapport.domain.interview;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The meeting was held and this is what was said. Amended notes replace earlier ones as a whole.
 *
 * @param thanksDueBy a week after the meeting as first recorded; amending the notes does not move it
 * @param amended     false for the first notes of the meeting, true for later corrections
 */
@Revision("1")
public record NotesRecorded(
        InterviewId interviewId,
        ContactId contactId,
        Instant heldAt,
        @PersonalData String summary,
        @PersonalData List<Answer> answers,
        @PersonalData String advice,
        @PersonalData String nextSteps,
        Instant thanksDueBy,
        boolean amended) implements RelationshipEvent {

    @Override
    public Instant happenedAt() {
        return heldAt;
    }
}
