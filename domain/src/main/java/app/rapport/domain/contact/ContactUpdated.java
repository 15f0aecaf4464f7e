package app.rapport.domain.contact;

import app.rapport.domain.shared.PersonalData;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A contact was corrected or completed. It carries only what changed: a null field is unchanged, an empty
 * text means the field was cleared, a list is the field's complete new value (empty: cleared).
 */
@Revision("1")
public record ContactUpdated(
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
        @PersonalData List<String> tags) implements RelationshipEvent {
}
