package app.rapport.application.graph;

import app.rapport.domain.contact.ContactId;

/**
 * Who introduced whom, down to this contact: {@code List<ContactId>}
 * ({@code ResponseTypes.multipleInstancesOf(ContactId.class)}), the first introducer first and the contact itself
 * last, following each contact's primary introducer. Just the contact when nobody introduced it; empty when it
 * names no contact of its owner's (unknown or forgotten). A contact merged away answers for its survivor.
 */
public record FindReferralChain(ContactId contactId) {

    public FindReferralChain {
        if (contactId == null) {
            throw new IllegalArgumentException("A referral chain is a contact's");
        }
    }
}
