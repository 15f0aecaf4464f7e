package app.rapport.domain.contact;

import app.rapport.domain.shared.Identifiers;
import app.rapport.domain.shared.OwnerId;

import java.util.UUID;

/** A contact, scoped to its owner: two users may both choose "c-1" and never touch each other's contact. */
public record ContactId(OwnerId owner, String value) {

    public ContactId {
        Identifiers.requireOwner(owner);
        Identifiers.requireValidValue(value);
    }

    public static ContactId generate(OwnerId owner) {
        return new ContactId(owner, UUID.randomUUID().toString());
    }

    /** The aggregate identifier: the owner is part of it, so one user's command never loads another's contact. */
    @Override
    public String toString() {
        return owner.value() + "/" + value;
    }
}
