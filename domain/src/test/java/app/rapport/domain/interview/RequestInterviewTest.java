package app.rapport.domain.interview;

import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.NotFound;
import app.rapport.domain.testing.FakeContactDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static app.rapport.domain.interview.InterviewSamples.MESSAGE;
import static app.rapport.domain.interview.InterviewSamples.PURPOSE;
import static app.rapport.domain.testing.Refusals.refused;
import static app.rapport.domain.testing.Samples.ADA;
import static app.rapport.domain.testing.Samples.BOB;
import static app.rapport.domain.testing.Samples.BOBS_GRACE;
import static app.rapport.domain.testing.Samples.GRACE;
import static app.rapport.domain.testing.Samples.INTERVIEW;
import static app.rapport.domain.testing.Samples.LINUS;
import static app.rapport.domain.testing.Samples.NOW;
import static app.rapport.domain.testing.Samples.daysAgo;
import static app.rapport.domain.testing.Samples.daysAhead;

class RequestInterviewTest {

    private final FakeContactDirectory directory = new FakeContactDirectory()
            .knows(GRACE, ADA, BOBS_GRACE)
            .knowsIntroduced(LINUS, ADA, true);
    private AggregateTestFixture<InformationalInterview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InformationalInterview.class);
        fixture.registerInjectableResource(directory);
    }

    @Test
    void requestingAnInterviewRecordsTheRequestAtTheCurrentTime() {
        fixture.givenCurrentTime(NOW)
               .when(new RequestInterview(INTERVIEW, GRACE, Channel.EMAIL, 20, " " + PURPOSE + " ", MESSAGE, false, null))
               .expectEvents(new InterviewRequested(INTERVIEW, GRACE, Channel.EMAIL, 20, PURPOSE, MESSAGE, false,
                                                    null, NOW));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 61, 90})
    void theRequestedTimeIsBetweenFiveAndSixtyMinutes(int minutes) {
        fixture.givenCurrentTime(NOW)
               .when(new RequestInterview(INTERVIEW, GRACE, Channel.EMAIL, minutes, PURPOSE, null, false, null))
               .expectException(refused(InvalidInput.class, "requestedMinutes"))
               .expectExceptionMessage("requestedMinutes must be between 5 and 60, was " + minutes);
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 15, 30, 60})
    void fiveToSixtyMinutesMayBeAsked(int minutes) {
        fixture.givenCurrentTime(NOW)
               .when(new RequestInterview(INTERVIEW, GRACE, Channel.PHONE, minutes, null, null, false, null))
               .expectEvents(new InterviewRequested(INTERVIEW, GRACE, Channel.PHONE, minutes, null, null, false,
                                                    null, NOW));
    }

    @Test
    void theContactBelongsToTheSameOwner() {
        fixture.givenCurrentTime(NOW)
               .when(new RequestInterview(new InterviewId(BOB, "i-1"), GRACE, Channel.EMAIL, 20, null, null, false, null))
               .expectException(refused(NotFound.class, "contactId"));
        fixture.givenCurrentTime(NOW)
               .when(new RequestInterview(INTERVIEW, BOBS_GRACE, Channel.EMAIL, 20, null, null, false, null))
               .expectException(refused(NotFound.class, "contactId"));
    }

    @Test
    void theContactMustExistAndNotBeForgotten() {
        fixture.givenCurrentTime(NOW)
               .when(new RequestInterview(INTERVIEW, new ContactId(GRACE.owner(), "nobody"), Channel.EMAIL, 20,
                                          null, null, false, null))
               .expectException(refused(NotFound.class, "contactId"));
        directory.forgets(GRACE);
        fixture.givenCurrentTime(NOW)
               .when(new RequestInterview(INTERVIEW, GRACE, Channel.EMAIL, 20, null, null, false, null))
               .expectException(refused(NotFound.class, "contactId"));
    }

    @Test
    void aRequestNamesTheIntroducerWhoGavePermission() {
        fixture.givenCurrentTime(NOW)
               .when(new RequestInterview(INTERVIEW, LINUS, Channel.EMAIL, 30, null, "Ada suggested I write to you",
                                          true, null))
               .expectEvents(new InterviewRequested(INTERVIEW, LINUS, Channel.EMAIL, 30, null,
                                                    "Ada suggested I write to you", true, ADA, NOW));
    }

    @Test
    void aRequestMayNameItsIntroducerOnlyWhereTheIntroducerGavePermission() {
        directory.knowsIntroduced(LINUS, ADA, false);
        fixture.givenCurrentTime(NOW)
               .when(new RequestInterview(INTERVIEW, LINUS, Channel.EMAIL, 30, null, null, true, null))
               .expectException(refused(Conflict.class, "mentionReferrer"));
    }

    @Test
    void aRequestCannotNameAnIntroducerWhereThereIsNone() {
        fixture.givenCurrentTime(NOW)
               .when(new RequestInterview(INTERVIEW, GRACE, Channel.EMAIL, 30, null, null, true, null))
               .expectException(refused(InvalidInput.class, "mentionReferrer"));
    }

    @Test
    void aRequestMadeEarlierMayBeRecordedLater() {
        fixture.givenCurrentTime(NOW)
               .when(new RequestInterview(INTERVIEW, GRACE, Channel.LETTER, 20, null, null, false, daysAgo(40)))
               .expectEvents(new InterviewRequested(INTERVIEW, GRACE, Channel.LETTER, 20, null, null, false, null,
                                                    daysAgo(40)));
    }

    @Test
    void aRequestCannotBeMadeInTheFuture() {
        fixture.givenCurrentTime(NOW)
               .when(new RequestInterview(INTERVIEW, GRACE, Channel.EMAIL, 20, null, null, false, daysAhead(1)))
               .expectException(refused(InvalidInput.class, "requestedAt"));
    }

    @Test
    void aRequestGoesOutThroughAChannel() {
        fixture.givenCurrentTime(NOW)
               .when(new RequestInterview(INTERVIEW, GRACE, null, 20, null, null, false, null))
               .expectException(refused(InvalidInput.class, "channel"));
    }

    @Test
    void theMessageHasALimit() {
        fixture.givenCurrentTime(NOW)
               .when(new RequestInterview(INTERVIEW, GRACE, Channel.EMAIL, 20, null, "x".repeat(5001), false, null))
               .expectException(refused(InvalidInput.class, "message"));
    }
}
