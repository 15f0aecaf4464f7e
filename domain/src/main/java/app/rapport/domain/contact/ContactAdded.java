package app.rapport.domain.contact;

import app.rapport.domain.shared.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A person joined the owner's network.
 *
 * @param referredBy the introducer, or null
 * @param addedAt    the follow-up clock starts here until the first touch
 */
@Revision("1")
public record ContactAdded(
        ContactId contactId,
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
        Instant addedAt) implements RelationshipEvent {
}
