package app.rapport.domain.interview;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * The interviewee ({@code contactId}) named {@code referredContactId} as someone to talk to: a link in a
 * referral chain.
 *
 * @param mayUseName whether the interviewee allowed their name to be used when contacting that person
 */
@Revision("1")
public record ReferralRecorded(
        InterviewId interviewId,
        ContactId contactId,
        ReferralId referralId,
        ContactId referredContactId,
        boolean mayUseName,
        @PersonalData String note) implements RelationshipEvent {

    /** The introducer: the interviewee who gave the referral. */
    public ContactId fromContactId() {
        return contactId;
    }
}
