package app.rapport.domain.interview;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.serialization.Revision;

import java.util.List;

/** The questions to ask, replacing any earlier list. */
@Revision("1")
public record QuestionsPrepared(
        InterviewId interviewId,
        ContactId contactId,
        @PersonalData List<String> questions) implements RelationshipEvent {
}
