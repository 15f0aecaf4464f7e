package app.rapport.application.privacy;

import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.interview.Answer;
import app.rapport.domain.interview.NotesRecorded;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;

import java.time.Instant;
import java.util.List;

/** The people, conversations and times these tests speak of. */
final class PrivacySamples {

    static final OwnerId ALICE = new OwnerId("alice");
    static final ContactId ADA = new ContactId(ALICE, "ada");
    static final ContactId GRACE = new ContactId(ALICE, "grace");
    static final InterviewId INTERVIEW = new InterviewId(ALICE, "i-1");
    static final Instant ADDED_AT = Instant.parse("2026-03-02T09:15:00Z");
    static final Instant HELD_AT = Instant.parse("2026-03-09T14:00:00Z");

    /** Every personal value of {@link #adaAdded()} and {@link #adaNotes()}: none may be stored readable. */
    static final List<String> ADAS_PERSONAL_VALUES = List.of(
            "Augusta", "Lovelace", "LUV-lace", "Countess", "Analyst", "Analytical Engines",
            "ada@engines.example", "countess@poetry.example", "+44 20 7946 0958", "linkedin.com/in/ada-lovelace",
            "alumni evening", "mathematics", "poetical science",
            "translated Menabrea", "Bernoulli numbers", "first steps", "Babbage", "notes on notes", "thank Charles");

    private PrivacySamples() {
    }

    static ContactAdded adaAdded() {
        return added(ADA, "Augusta");
    }

    static ContactAdded added(ContactId contactId, String givenName) {
        return new ContactAdded(contactId, givenName, "Lovelace", "LUV-lace", "Countess", "Analyst",
                                "Analytical Engines Ltd", List.of("ada@engines.example", "countess@poetry.example"),
                                List.of("+44 20 7946 0958"), "https://www.linkedin.com/in/ada-lovelace",
                                ContactSource.ALUMNI, "Met at the alumni evening",
                                List.of("mathematics", "poetical science"), null, false, ADDED_AT);
    }

    /** What the same contact looks like once forgotten: every personal component null. */
    static ContactAdded forgotten(ContactAdded added) {
        return new ContactAdded(added.contactId(), null, null, null, null, null, null, null, null, null,
                                added.source(), null, null, added.referredBy(), added.mayUseIntroducerName(),
                                added.addedAt());
    }

    static NotesRecorded adaNotes() {
        return new NotesRecorded(INTERVIEW, ADA, HELD_AT, "She translated Menabrea and added her own notes",
                                 List.of(new Answer("What were your first steps?", "I translated Menabrea's paper"),
                                         new Answer("What surprised you?", "The Bernoulli numbers program")),
                                 "Write notes on notes", "Ask Babbage, and thank Charles",
                                 HELD_AT.plusSeconds(7 * 24 * 3600), false);
    }

    static NotesRecorded forgotten(NotesRecorded notes) {
        return new NotesRecorded(notes.interviewId(), notes.contactId(), notes.heldAt(), null, null, null, null,
                                 notes.thanksDueBy(), notes.amended());
    }
}
