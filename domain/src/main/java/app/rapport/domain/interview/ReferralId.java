package app.rapport.domain.interview;

import app.rapport.domain.shared.Identifiers;
import app.rapport.domain.shared.OwnerId;

import java.util.UUID;

/** A referral an interviewee gave, scoped to its owner. */
public record ReferralId(OwnerId owner, String value) {

    public ReferralId {
        Identifiers.requireOwner(owner);
        Identifiers.requireValidValue(value);
    }

    public static ReferralId generate(OwnerId owner) {
        return new ReferralId(owner, UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return owner.value() + "/" + value;
    }
}
