package app.rapport.application.contact;

import app.rapport.domain.contact.ContactId;

import java.time.Instant;

/**
 * The contact with this id, among its owner's, as it stood at {@code asOf}: {@code Optional<ContactView>}
 * ({@code ResponseTypes.optionalInstanceOf(ContactView.class)}), rebuilt from the contact's own events stored up
 * to that instant. Empty when the contact did not exist yet, is unknown, or is forgotten now (its past is erased
 * with it). The contact's details, introducer, follow-up and merge state are those of that instant; the lists
 * other aggregates fill (its interviews, the contacts it referred) are today's.
 */
public record FindContactAsOf(ContactId id, Instant asOf) {
}
