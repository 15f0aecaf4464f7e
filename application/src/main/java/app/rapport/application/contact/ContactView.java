package app.rapport.application.contact;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.shared.InterviewId;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A contact as the owner sees it now. Personal texts may be null where the events that set them can no longer
 * be read; lists are never null.
 *
 * @param referredBy          the introducer the contact counts as referred by (referral chains follow it), or null
 * @param introducerIds       everyone who introduced or referred this contact, the first introducer included
 * @param mergedInto          the survivor this contact was merged into; such a contact is archived
 * @param absorbedContactIds  the duplicates merged into this contact
 * @param interviewIds        this contact's interviews, and those of the duplicates merged into it
 * @param referredContactIds  the contacts this one introduced or referred
 * @param version             the sequence number of the contact's last event shown here
 */
public record ContactView(
        ContactId id,
        String givenName,
        String familyName,
        String pronunciation,
        String salutation,
        String title,
        String organization,
        List<String> emails,
        List<String> phones,
        String linkedinUrl,
        ContactSource source,
        String sourceDetail,
        List<String> tags,
        ContactId referredBy,
        boolean mayUseIntroducerName,
        List<ContactId> introducerIds,
        Instant addedAt,
        Instant lastTouchAt,
        Instant nextFollowUpDue,
        Integer followUpEveryDays,
        ContactId mergedInto,
        List<ContactId> absorbedContactIds,
        List<InterviewId> interviewIds,
        List<ContactId> referredContactIds,
        long version) {

    public ContactView {
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        tags = List.copyOf(tags);
        introducerIds = List.copyOf(introducerIds);
        absorbedContactIds = List.copyOf(absorbedContactIds);
        interviewIds = List.copyOf(interviewIds);
        referredContactIds = List.copyOf(referredContactIds);
    }

    /**
     * Given and family name, "Dana Reyes": the name to list and address the person by. The salutation and
     * pronunciation are shown beside it, not in it. Falls back to the id when no name can be read.
     */
    public String displayName() {
        String name = Stream.of(givenName, familyName)
                            .filter(part -> part != null && !part.isBlank())
                            .collect(Collectors.joining(" "));
        return name.isEmpty() ? id.value() : name;
    }

    /** A contact merged into another is kept for its history but no longer changed. */
    public boolean archived() {
        return mergedInto != null;
    }
}
