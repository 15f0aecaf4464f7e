package app.rapport.domain.contact;

import app.rapport.domain.shared.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Corrects or completes a contact. A null field stays as it is; a blank text or an empty list clears the
 * field (except the given name, which a contact always has).
 */
public record UpdateContact(
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
        @PersonalData List<String> tags) {
}
