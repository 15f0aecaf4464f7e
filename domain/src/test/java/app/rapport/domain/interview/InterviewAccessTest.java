package app.rapport.domain.interview;

import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.NotFound;
import app.rapport.domain.testing.FakeContactDirectory;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static app.rapport.domain.interview.InterviewSamples.confirmed;
import static app.rapport.domain.interview.InterviewSamples.requested;
import static app.rapport.domain.testing.Refusals.refused;
import static app.rapport.domain.testing.Samples.ADA;
import static app.rapport.domain.testing.Samples.BOB;
import static app.rapport.domain.testing.Samples.GRACE;
import static app.rapport.domain.testing.Samples.INTERVIEW;
import static app.rapport.domain.testing.Samples.NOW;
import static app.rapport.domain.testing.Samples.daysAgo;

/** Who may address an interview: its owner, and only while the interviewee is remembered. */
class InterviewAccessTest {

    private static final InterviewId BOBS_INTERVIEW = new InterviewId(BOB, INTERVIEW.value());

    static Stream<Object> everyCommandOfBob() {
        return everyCommandOn(BOBS_INTERVIEW);
    }

    static Stream<Object> everyCommandOfAlice() {
        return everyCommandOn(INTERVIEW);
    }

    private static Stream<Object> everyCommandOn(InterviewId id) {
        return Stream.of(
                new RecordResponse(id, Response.ACCEPTED, null, null),
                new ConfirmMeeting(id, daysAgo(1), 30, MeetingFormat.VIDEO, null, "UTC"),
                new RescheduleMeeting(id, daysAgo(1), null, null, null),
                new CancelMeeting(id, null, null),
                new PrepareQuestions(id, List.of("How did you start?")),
                new RecordNotes(id, daysAgo(2), "notes", List.of(), null, null),
                new RecordReferral(id, new ReferralId(id.owner(), "r-1"),
                                   new ContactId(id.owner(), "ada"), true, null),
                new SendThanks(id, NOW, Channel.EMAIL, null),
                new MarkThanksOverdue(id),
                new MarkNudgeDue(id, daysAgo(1)));
    }

    /**
     * Owner-scoped ids make Bob's "i-1" another aggregate than Alice's. Should one of Bob's commands reach
     * Alice's interview anyway (here: forced by the routing), the interview still refuses it, as not found.
     */
    @ParameterizedTest
    @MethodSource("everyCommandOfBob")
    void anotherOwnersCommandIsRefusedAsNotFound(Object command) {
        AggregateTestFixture<InformationalInterview> misrouting = new AggregateTestFixture<>(InformationalInterview.class);
        misrouting.registerInjectableResource(new FakeContactDirectory().knows(GRACE, ADA));
        misrouting.registerCommandTargetResolver(message -> new VersionedAggregateIdentifier(INTERVIEW.toString(), null));
        misrouting.given(requested(daysAgo(10)), confirmed(daysAgo(2)))
                  .andGivenCurrentTime(NOW)
                  .when(command)
                  .expectException(refused(NotFound.class, "interviewId"))
                  .expectNoEvents();
    }

    @ParameterizedTest
    @MethodSource("everyCommandOfAlice")
    void anInterviewWithAForgottenContactRefusesEverythingAsNotFound(Object command) {
        AggregateTestFixture<InformationalInterview> fixture = new AggregateTestFixture<>(InformationalInterview.class);
        fixture.registerInjectableResource(new FakeContactDirectory().forgets(GRACE).knows(ADA));
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(2)))
               .andGivenCurrentTime(NOW)
               .when(command)
               .expectException(refused(NotFound.class, "interviewId"))
               .expectNoEvents();
    }

    @Test
    void theSameCommandsOfTheOwnerAreHeard() {
        AggregateTestFixture<InformationalInterview> fixture = new AggregateTestFixture<>(InformationalInterview.class);
        fixture.registerInjectableResource(new FakeContactDirectory().knows(GRACE, ADA));
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(2)))
               .andGivenCurrentTime(NOW)
               .when(new PrepareQuestions(INTERVIEW, List.of("How did you start?")))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new QuestionsPrepared(INTERVIEW, GRACE, List.of("How did you start?")));
    }
}
