package app.rapport.api.shared;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.interview.ReferralId;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.OwnerId;

import java.util.function.BiFunction;

/**
 * Turns the ids clients send into the caller's typed ids. An id a client sends is always read as one of the
 * caller's own, so no input can name another user's data; a malformed one is refused naming its input field.
 */
public final class Ids {

    private Ids() {
    }

    public static ContactId contact(OwnerId owner, String id, String field) {
        return parse(owner, id, field, ContactId::new);
    }

    public static InterviewId interview(OwnerId owner, String id, String field) {
        return parse(owner, id, field, InterviewId::new);
    }

    public static ReferralId referral(OwnerId owner, String id, String field) {
        return parse(owner, id, field, ReferralId::new);
    }

    private static <T> T parse(OwnerId owner, String id, String field, BiFunction<OwnerId, String, T> type) {
        if (id == null) {
            throw new InvalidInput(field, field + " is required");
        }
        try {
            return type.apply(owner, id);
        } catch (InvalidInput invalid) {
            throw new InvalidInput(field, invalid.getMessage().replaceFirst("^id\\b", field));
        }
    }
}
