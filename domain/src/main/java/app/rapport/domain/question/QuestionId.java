package app.rapport.domain.question;

import app.rapport.domain.shared.Identifiers;
import app.rapport.domain.shared.OwnerId;

import java.util.UUID;

/** A question in one user's bank, scoped to its owner like every id. */
public record QuestionId(OwnerId owner, String value) {

    public QuestionId {
        Identifiers.requireOwner(owner);
        Identifiers.requireValidValue(value);
    }

    public static QuestionId generate(OwnerId owner) {
        return new QuestionId(owner, UUID.randomUUID().toString());
    }

    /** The aggregate identifier: the owner is part of it. */
    @Override
    public String toString() {
        return owner.value() + "/" + value;
    }
}
