package app.rapport.domain.shared;

import java.util.UUID;

/**
 * An informational interview, scoped to its owner. It lives here rather than in the interview package
 * because a contact's touch can name the meeting it was, and contacts must not depend on interviews.
 */
public record InterviewId(OwnerId owner, String value) {

    public InterviewId {
        Identifiers.requireOwner(owner);
        Identifiers.requireValidValue(value);
    }

    public static InterviewId generate(OwnerId owner) {
        return new InterviewId(owner, UUID.randomUUID().toString());
    }

    /** The aggregate identifier: the owner is part of it, so equal client ids of two users never meet. */
    @Override
    public String toString() {
        return owner.value() + "/" + value;
    }
}
