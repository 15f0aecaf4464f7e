package app.rapport.domain.contact;

import app.rapport.domain.shared.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Adds a person to the owner's network.
 *
 * @param referredBy            who introduced this person; required when the source is {@link ContactSource#REFERRAL}
 * @param mayUseIntroducerName  whether the introducer allowed their name to be used when reaching out
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
        boolean mayUseIntroducerName) {
}
