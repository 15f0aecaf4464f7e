package app.rapport.domain.contact;

import app.rapport.domain.shared.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Adds a person to the owner's network.
 *
 * @param referredBy            who introduced this person; required when the source is {@link ContactSource#REFERRAL}
 * @param mayUseIntroducerName  whether the introducer allowed their name to be used when reaching out
 * @param addedAt               when the person joined the network, if earlier than now (a LinkedIn connection's
 *                              date): the follow-up clock starts there; null means now
 */
public record AddContact(
        @TargetAggregateIdentifier ContactId contactId,
        @PersonalData String givenName,
        @PersonalData String familyName,
        @PersonalData String pronunciation,
        @PersonalData String salutation,
        @PersonalData String title,
        @PersonalData String organization,
        @PersonalData List<String> emails,
        @PersonalData List<String> phones,
        @PersonalData String linkedinUrl,
        ContactSource source,
        @PersonalData String sourceDetail,
        @PersonalData List<String> tags,
        ContactId referredBy,
        boolean mayUseIntroducerName,
        Instant addedAt) {

    /** A person who joins the network now. */
    public AddContact(ContactId contactId, String givenName, String familyName, String pronunciation, String salutation,
                      String title, String organization, List<String> emails, List<String> phones, String linkedinUrl,
                      ContactSource source, String sourceDetail, List<String> tags, ContactId referredBy,
                      boolean mayUseIntroducerName) {
        this(contactId, givenName, familyName, pronunciation, salutation, title, organization, emails, phones, linkedinUrl,
             source, sourceDetail, tags, referredBy, mayUseIntroducerName, null);
    }
}
