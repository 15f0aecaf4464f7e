package app.rapport.domain.interview;

import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.testing.FakeContactDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static app.rapport.domain.interview.InterviewSamples.answered;
import static app.rapport.domain.interview.InterviewSamples.confirmed;
import static app.rapport.domain.interview.InterviewSamples.notes;
import static app.rapport.domain.interview.InterviewSamples.requested;
import static app.rapport.domain.interview.InterviewSamples.thanked;
import static app.rapport.domain.testing.Refusals.refused;
import static app.rapport.domain.testing.Samples.GRACE;
import static app.rapport.domain.testing.Samples.INTERVIEW;
import static app.rapport.domain.testing.Samples.NOW;
import static app.rapport.domain.testing.Samples.daysAgo;
import static app.rapport.domain.testing.Samples.daysAhead;

class PreparationAndNotesTest {

    private static final Instant STARTS = daysAgo(2);
    private static final Instant HELD = STARTS.plus(Duration.ofMinutes(5));

    private AggregateTestFixture<InformationalInterview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InformationalInterview.class);
        fixture.registerInjectableResource(new FakeContactDirectory().knows(GRACE));
    }

    @Test
    void preparingQuestionsReplacesTheEarlierList() {
        fixture.given(requested(daysAgo(5)),
                      new QuestionsPrepared(INTERVIEW, GRACE, List.of("What does a typical day look like?")))
               .andGivenCurrentTime(NOW)
               .when(new PrepareQuestions(INTERVIEW, List.of(" How did you get started? ", "What would you do differently?")))
               .expectEvents(new QuestionsPrepared(INTERVIEW, GRACE,
                                                   List.of("How did you get started?", "What would you do differently?")));
    }

    @Test
    void preparingTheSameQuestionsAgainRecordsNothing() {
        fixture.given(requested(daysAgo(5)), new QuestionsPrepared(INTERVIEW, GRACE, List.of("How did you get started?")))
               .andGivenCurrentTime(NOW)
               .when(new PrepareQuestions(INTERVIEW, List.of("How did you get started?")))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void questionsAreNotBlankAndAtMostFifty() {
        fixture.given(requested(daysAgo(5)))
               .andGivenCurrentTime(NOW)
               .when(new PrepareQuestions(INTERVIEW, List.of("How did you get started?", "")))
               .expectException(refused(InvalidInput.class, "questions"))
               .expectExceptionMessage("questions[1] must not be blank");
        fixture.given(requested(daysAgo(5)))
               .andGivenCurrentTime(NOW)
               .when(new PrepareQuestions(INTERVIEW, Collections.nCopies(51, "Why?")))
               .expectException(refused(InvalidInput.class, "questions"))
               .expectExceptionMessage("questions may hold at most 50 entries, was 51");
    }

    @Test
    void thereIsNothingToPrepareAfterADeclineOrACancellation() {
        fixture.given(requested(daysAgo(5)), answered(Response.DECLINED, daysAgo(4)))
               .andGivenCurrentTime(NOW)
               .when(new PrepareQuestions(INTERVIEW, List.of("Why?")))
               .expectException(refused(Conflict.class, null));
        fixture.given(requested(daysAgo(5)), confirmed(daysAhead(3)), new MeetingCancelled(INTERVIEW, GRACE, null, null))
               .andGivenCurrentTime(NOW)
               .when(new PrepareQuestions(INTERVIEW, List.of("Why?")))
               .expectException(refused(Conflict.class, null));
    }

    @Test
    void recordingNotesMarksTheMeetingHeld() {
        List<Answer> answers = List.of(new Answer(" How did you get started? ", " By accident, in 1943 "));
        fixture.given(requested(daysAgo(5)), confirmed(STARTS))
               .andGivenCurrentTime(NOW)
               .when(new RecordNotes(INTERVIEW, HELD, "Generous with her time", answers, "Learn COBOL",
                                     "Read the A-0 manual"))
               .expectEvents(new NotesRecorded(INTERVIEW, GRACE, HELD, "Generous with her time",
                                               List.of(new Answer("How did you get started?", "By accident, in 1943")),
                                               "Learn COBOL", "Read the A-0 manual", HELD.plus(Duration.ofDays(7)), false));
    }

    @Test
    void thanksAreDueSevenDaysAfterTheMeeting() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)))
               .andGivenCurrentTime(NOW)
               .when(new RecordNotes(INTERVIEW, daysAgo(3), null, null, null, null))
               .expectEvents(new NotesRecorded(INTERVIEW, GRACE, daysAgo(3), null, List.of(), null, null, daysAhead(4),
                                               false));
    }

    @Test
    void amendedNotesKeepTheFirstDueDate() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)))
               .andGivenCurrentTime(NOW)
               .when(new RecordNotes(INTERVIEW, daysAgo(3).plus(Duration.ofHours(1)), "Fuller notes", null, null, null))
               .expectEvents(new NotesRecorded(INTERVIEW, GRACE, daysAgo(3).plus(Duration.ofHours(1)), "Fuller notes",
                                               List.of(), null, null, daysAhead(4), true));
    }

    @Test
    void notesMayStillBeAmendedAfterTheThanks() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)), thanked(daysAgo(2)))
               .andGivenCurrentTime(NOW)
               .when(new RecordNotes(INTERVIEW, daysAgo(3), "She also mentioned the Mark I", null, null, null))
               .expectEvents(new NotesRecorded(INTERVIEW, GRACE, daysAgo(3), "She also mentioned the Mark I",
                                               List.of(), null, null, daysAhead(4), true));
    }

    @Test
    void notesOnlyForAMeetingThatHasStartedNotForOneInTheFuture() {
        fixture.given(requested(daysAgo(5)), confirmed(daysAhead(1)))
               .andGivenCurrentTime(NOW)
               .when(new RecordNotes(INTERVIEW, daysAhead(1), "Wishful thinking", null, null, null))
               .expectException(refused(InvalidInput.class, "heldAt"));
    }

    @Test
    void notesOnlyForAMeetingThatHasStartedNotBeforeItsStart() {
        fixture.given(requested(daysAgo(5)), confirmed(STARTS))
               .andGivenCurrentTime(NOW)
               .when(new RecordNotes(INTERVIEW, STARTS.minus(Duration.ofMinutes(1)), null, null, null, null))
               .expectException(refused(InvalidInput.class, "heldAt"));
    }

    @Test
    void notesNeedAConfirmedMeeting() {
        fixture.given(requested(daysAgo(5)), answered(Response.ACCEPTED, daysAgo(4)))
               .andGivenCurrentTime(NOW)
               .when(new RecordNotes(INTERVIEW, daysAgo(1), "We met by chance", null, null, null))
               .expectException(refused(Conflict.class, null));
    }

    @Test
    void amendedNotesCannotMoveTheMeetingPastTheThanks() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)), thanked(daysAgo(2)))
               .andGivenCurrentTime(NOW)
               .when(new RecordNotes(INTERVIEW, daysAgo(1), null, null, null, null))
               .expectException(refused(InvalidInput.class, "heldAt"));
    }

    @Test
    void everyAnswerHasItsQuestionAndItsAnswer() {
        fixture.given(requested(daysAgo(5)), confirmed(STARTS))
               .andGivenCurrentTime(NOW)
               .when(new RecordNotes(INTERVIEW, HELD, null, List.of(new Answer("Why?", "Because"), new Answer(" ", "x")),
                                     null, null))
               .expectException(refused(InvalidInput.class, "answers"))
               .expectExceptionMessage("answers[1].question must not be blank");
    }

    @Test
    void notesSayWhenTheMeetingWasHeld() {
        fixture.given(requested(daysAgo(5)), confirmed(STARTS))
               .andGivenCurrentTime(NOW)
               .when(new RecordNotes(INTERVIEW, null, "Forgot the date", null, null, null))
               .expectException(refused(InvalidInput.class, "heldAt"));
    }
}
