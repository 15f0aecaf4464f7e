package app.rapport.domain.contact;

import app.rapport.domain.shared.InterviewId;

import java.time.Instant;

/**
 * An event in the history of one relationship: about a contact or one of its interviews. The contact id
 * tells the application whose key encrypts the event's personal data, and gathers the relationship's history.
 * <p>
 * It lives with contacts, not in the shared package, because it names {@link ContactId} and the shared
 * package must not depend on a feature.
 */
public interface RelationshipEvent {

    ContactId contactId();

    /** The interview the event belongs to, when it is a step of one: an event with an {@code interviewId} says so. */
    default InterviewId interviewId() {
        return null;
    }

    /**
     * When the step was taken, for a step that says so (a request sent, an answer, a meeting held, thanks sent, a
     * touch): a step recorded days later happened then. Null for the others, which happened when recorded.
     */
    default Instant happenedAt() {
        return null;
    }
}
