package app.rapport.domain.interview;

import app.rapport.domain.contact.Channel;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.testing.FakeContactDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static app.rapport.domain.testing.Refusals.refused;
import static app.rapport.domain.testing.Samples.ADA;
import static app.rapport.domain.testing.Samples.ALICE;
import static app.rapport.domain.testing.Samples.GRACE;
import static app.rapport.domain.testing.Samples.INTERVIEW;
import static app.rapport.domain.testing.Samples.NOW;
import static app.rapport.domain.testing.Samples.daysAgo;

/** A user catching up records, today, an interview that happened weeks ago, one step after the other. */
class BackFillTest {

    private static final Instant REQUESTED = daysAgo(60);
    private static final Instant ACCEPTED = daysAgo(58);
    private static final Instant STARTS = daysAgo(50);
    private static final Instant HELD = STARTS.plus(Duration.ofMinutes(2));
    private static final Instant THANKED = daysAgo(49);
    private static final ReferralId REFERRAL = new ReferralId(ALICE, "r-1");

    private AggregateTestFixture<InformationalInterview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InformationalInterview.class);
        fixture.registerInjectableResource(new FakeContactDirectory().knows(GRACE, ADA));
    }

    @Test
    void backFilledStepsInOrderAreAccepted() {
        fixture.givenCurrentTime(NOW)
               .andGivenCommands(
                       new RequestInterview(INTERVIEW, GRACE, Channel.LINKEDIN, 20, null, null, false, REQUESTED),
                       new RecordResponse(INTERVIEW, Response.ACCEPTED, ACCEPTED, null),
                       new PrepareQuestions(INTERVIEW, List.of("How did you start?")),
                       new ConfirmMeeting(INTERVIEW, STARTS, 30, MeetingFormat.IN_PERSON, "Café", "Europe/Paris"),
                       new RecordNotes(INTERVIEW, HELD, "Inspiring", null, null, null),
                       new RecordReferral(INTERVIEW, REFERRAL, ADA, true, null))
               .when(new SendThanks(INTERVIEW, THANKED, Channel.EMAIL, null))
               .expectEvents(new ThanksSent(INTERVIEW, GRACE, THANKED, Channel.EMAIL, null));
    }

    @Test
    void aBackFilledMeetingIsDueForThanksAWeekAfterItWasHeldEvenIfThatIsPast() {
        fixture.givenCurrentTime(NOW)
               .andGivenCommands(
                       new RequestInterview(INTERVIEW, GRACE, Channel.LINKEDIN, 20, null, null, false, REQUESTED),
                       new ConfirmMeeting(INTERVIEW, STARTS, 30, MeetingFormat.IN_PERSON, null, "Europe/Paris"))
               .when(new RecordNotes(INTERVIEW, HELD, null, null, null, null))
               .expectEvents(new NotesRecorded(INTERVIEW, GRACE, HELD, null, List.of(), null, null,
                                               HELD.plus(Duration.ofDays(7)), false));
    }

    @Test
    void backFilledStepsOutOfOrderAreRefused() {
        fixture.givenCurrentTime(NOW)
               .andGivenCommands(
                       new RequestInterview(INTERVIEW, GRACE, Channel.LINKEDIN, 20, null, null, false, REQUESTED),
                       new ConfirmMeeting(INTERVIEW, STARTS, 30, MeetingFormat.IN_PERSON, null, "Europe/Paris"),
                       new RecordNotes(INTERVIEW, HELD, null, null, null, null))
               .when(new SendThanks(INTERVIEW, REQUESTED, Channel.EMAIL, null))
               .expectException(refused(InvalidInput.class, "sentAt"));
    }
}
