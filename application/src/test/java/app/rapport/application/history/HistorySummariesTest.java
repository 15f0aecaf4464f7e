package app.rapport.application.history;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.FollowUpBecameDue;
import app.rapport.domain.interview.NudgeBecameDue;
import app.rapport.domain.interview.ThanksBecameOverdue;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Reminders are steps of the relationship too, and read as such in its history. */
class HistorySummariesTest {

    static final OwnerId MAYA = new OwnerId("maya");
    static final ContactId DANA = new ContactId(MAYA, "dana");
    static final InterviewId CHAT = new InterviewId(MAYA, "chat");

    @Test
    void anOverdueThankYouSaysWhenItWasDue() {
        assertThat(HistorySummaries.summarize(new ThanksBecameOverdue(CHAT, DANA, Instant.parse("2026-12-19T16:00:00Z")),
                                              ZoneId.of("America/Chicago")))
                .startsWith("The thank-you note became overdue")
                .contains("19 Dec");
    }

    @Test
    void aDueNudgeNamesTheUnansweredRequest() {
        assertThat(HistorySummaries.summarize(new NudgeBecameDue(CHAT, DANA, Instant.parse("2026-11-02T09:00:00Z"),
                                                                 Instant.parse("2026-11-09T09:00:00Z")), ZoneOffset.UTC))
                .contains("2 Nov")
                .contains("nudge");
    }

    @Test
    void aDueFollowUpSaysItIsTimeToGetInTouch() {
        assertThat(HistorySummaries.summarize(new FollowUpBecameDue(DANA, Instant.parse("2027-01-15T00:00:00Z")), ZoneOffset.UTC))
                .startsWith("Time to get back in touch")
                .contains("15 Jan");
    }
}
