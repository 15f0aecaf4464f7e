package app.rapport.domain.contact;

import app.rapport.domain.shared.PersonalData;

import java.time.Instant;
import java.util.List;

/**
 * What a contact holds as it stands now: the duplicate's side of a merge, read by the application and handed
 * to the survivor, since one aggregate cannot read another.
 */
public record ContactDetails(
        @PersonalData String givenName,
        @PersonalData String familyName,
        @PersonalData String pronunciation,
        @PersonalData String salutation,
        @PersonalData String title,
        @PersonalData String organization,
        @PersonalData List<String> emails,
        @PersonalData List<String> phones,
        @PersonalData String linkedinUrl,
        @PersonalData String sourceDetail,
        @PersonalData List<String> tags,
        ContactId referredBy,
        boolean mayUseIntroducerName,
        Integer followUpEveryDays,
        Instant lastTouchAt) {
}
