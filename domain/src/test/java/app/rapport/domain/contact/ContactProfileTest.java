package app.rapport.domain.contact;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static app.rapport.domain.testing.Samples.GRACE;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules every copy of a contact's fields follows: the aggregate's, the views', the contact as it stood. */
class ContactProfileTest {

    private static final ContactProfile GRACE_HOPPER = ContactProfile.of(new ContactAdded(
            GRACE, "Grace", "Hopper", null, "Dr.", "Rear Admiral", "US Navy", List.of("grace@navy.example"), List.of(),
            null, ContactSource.CAREER_FAIR, null, List.of("computing"), null, false, Instant.EPOCH));

    @Test
    void anUpdateKeepsWhatItLeavesNullAndClearsWhatItEmpties() {
        ContactProfile updated = GRACE_HOPPER.updatedBy(new ContactUpdated(
                GRACE, null, "", null, null, "Commodore", null, List.of(), null, null, null, null, null));

        assertThat(updated.givenName()).isEqualTo("Grace");
        assertThat(updated.familyName()).isNull();
        assertThat(updated.salutation()).isEqualTo("Dr.");
        assertThat(updated.title()).isEqualTo("Commodore");
        assertThat(updated.organization()).isEqualTo("US Navy");
        assertThat(updated.emails()).isEmpty();
        assertThat(updated.tags()).containsExactly("computing");
        assertThat(updated.source()).isEqualTo(ContactSource.CAREER_FAIR);
    }

    @Test
    void aContactAlwaysKeepsAGivenName() {
        assertThat(GRACE_HOPPER.updatedBy(new ContactUpdated(GRACE, "", null, null, null, null, null, null, null, null, null, null, null))
                               .givenName()).isEqualTo("Grace");
    }

    @Test
    void aMergeFillsOnlyWhatTheEventCarriesAndTakesItsLists() {
        ContactProfile merged = GRACE_HOPPER.mergedWith(new ContactsMerged(
                GRACE, new ContactId(GRACE.owner(), "dup"), null, "GRAYS HOP-er", "", null, null,
                "https://www.linkedin.com/in/grace", null, List.of("grace@navy.example", "g@example.org"), null,
                List.of("computing", "cobol"), null, false, null, null, null));

        assertThat(merged.familyName()).isEqualTo("Hopper");
        assertThat(merged.pronunciation()).isEqualTo("GRAYS HOP-er");
        assertThat(merged.salutation()).as("an empty filler is no value").isEqualTo("Dr.");
        assertThat(merged.linkedinUrl()).isEqualTo("https://www.linkedin.com/in/grace");
        assertThat(merged.emails()).containsExactly("grace@navy.example", "g@example.org");
        assertThat(merged.phones()).as("a list the event does not carry (unreadable) stays").isEmpty();
        assertThat(merged.tags()).containsExactly("computing", "cobol");
    }

    @Test
    void anUnreadableEventOfAForgottenContactChangesNothing() {
        ContactUpdated unreadable = new ContactUpdated(GRACE, null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(GRACE_HOPPER.updatedBy(unreadable)).isEqualTo(GRACE_HOPPER);
    }
}
