package app.rapport.domain.contact;

import app.rapport.domain.shared.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The survivor ({@code contactId}) took in a duplicate's details. Texts are the duplicate's values for fields
 * the survivor had empty (null: the survivor's value stays). Lists, the introducer, the cadence and the
 * follow-up times are the survivor's complete values after the merge. The duplicate's own history and
 * interviews stay under its id; {@link ContactMergedInto} on the duplicate points here.
 *
 * @param referredBy the survivor's introducer after the merge (null: none)
 */
@Revision("1")
public record ContactsMerged(
        ContactId contactId,
        ContactId duplicateId,
        @PersonalData String familyName,
        @PersonalData String pronunciation,
        @PersonalData String salutation,
        @PersonalData String title,
        @PersonalData String organization,
        @PersonalData String linkedinUrl,
        @PersonalData String sourceDetail,
        @PersonalData List<String> emails,
        @PersonalData List<String> phones,
        @PersonalData List<String> tags,
        ContactId referredBy,
        boolean mayUseIntroducerName,
        Integer followUpEveryDays,
        Instant lastTouchAt,
        Instant nextFollowUpDue) implements RelationshipEvent {
}
