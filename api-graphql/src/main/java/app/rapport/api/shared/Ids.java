package app.rapport.api.shared;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.interview.ReferralId;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.Identifiers;
import app.rapport.domain.shared.OwnerId;


/**
 * Turns the ids clients send into the caller's typed ids. An id a client sends is always read as one of the
 * caller's own, so no input can name another user's data; a malformed one is refused naming its input field.
 */
public final class Ids {

    private Ids() {
    }

    public static ContactId contact(OwnerId owner, String id, String field) {
        return Identifiers.parse(owner, id, field, ContactId::new);
    }

    public static InterviewId interview(OwnerId owner, String id, String field) {
        return Identifiers.parse(owner, id, field, InterviewId::new);
    }

    public static ReferralId referral(OwnerId owner, String id, String field) {
        return Identifiers.parse(owner, id, field, ReferralId::new);
    }
}
