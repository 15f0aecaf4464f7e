package app.rapport.domain.testing;

import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The people and times the tests speak of. */
public final class Samples {

    public static final OwnerId ALICE = new OwnerId("alice");
    public static final OwnerId BOB = new OwnerId("bob");

    public static final ContactId GRACE = new ContactId(ALICE, "grace");
    public static final ContactId ADA = new ContactId(ALICE, "ada");
    public static final ContactId LINUS = new ContactId(ALICE, "linus");
    public static final ContactId BOBS_GRACE = new ContactId(BOB, "grace");

    public static final InterviewId INTERVIEW = new InterviewId(ALICE, "i-1");

    public static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private Samples() {
    }

    public static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    public static Instant daysAhead(int days) {
        return NOW.plus(Duration.ofDays(days));
    }

    /** Grace Hopper as Alice first recorded her, found at a career fair, some time ago. */
    public static ContactAdded graceAdded(Instant addedAt) {
        return new ContactAdded(GRACE, "Grace", "Hopper", null, "Dr.", "Rear Admiral", "US Navy",
                                List.of("grace@navy.example"), List.of(), null, ContactSource.CAREER_FAIR,
                                null, List.of("computing"), null, false, addedAt);
    }

    public static ContactAdded added(ContactId id, String givenName, Instant addedAt) {
        return new ContactAdded(id, givenName, null, null, null, null, null, List.of(), List.of(), null,
                                ContactSource.OTHER, null, List.of(), null, false, addedAt);
    }
}
