package app.rapport.plugins.calendar;

import app.rapport.plugin.ContactOutcome;
import app.rapport.plugin.ContactChanges;
import app.rapport.plugin.MeetingMove;
import app.rapport.plugin.NewContact;
import app.rapport.plugin.OwnerNetwork;
import app.rapport.plugin.PluginContact;
import app.rapport.plugin.PluginInterview;
import app.rapport.plugin.Touch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync's corners that a whole server cannot stage on cue: the calendar changing a meeting between the sync's
 * pull and its push, and a sync token the server no longer knows. Against Radicale; the owner's network is a
 * stand-in that records what the sync asked of it.
 */
class CalDavSyncTest {

    private static final Instant STARTS_AT = Instant.parse("2027-01-14T15:00:00Z");

    @RegisterExtension
    static final RunningCalDav CALENDARS = RunningCalDav.radicale();

    private final CalDavSync sync = new CalDavSync(new IcsCalendar(), true, Clock.systemUTC());

    @Test
    void aCalendarEditLandingBetweenPullAndPushIsJudgedByTheRuleNotOverwritten() {
        URI calendar = CALENDARS.server().newCalendar("race");
        Network network = new Network();
        CalDavConnection connection = new CalDavConnection("c1", calendar.toString(), CalDavServer.USER);
        sync.sync(network, connection, CalDavServer.PASSWORD);
        URI resource = calendar.resolve("rapport-with-dana.ics");
        assertThat(CALENDARS.server().get(resource).statusCode()).isEqualTo(200);

        network.move(STARTS_AT.plus(1, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.HOURS));
        network.beforeSecondRead = () -> CalendarSyncContract.editInCalendar(CALENDARS.server(), resource, Instant.now(),
                                                                             "20270114T160000", "20270120T160000",
                                                                             "20270114T162500", "20270120T162500");
        sync.sync(network, connection, CalDavServer.PASSWORD);

        assertThat(connection.lastError).isNull();
        assertThat(network.moves).hasSize(1);
        assertThat(network.moves.get(0).startsAt()).isEqualTo(Instant.parse("2027-01-20T15:00:00Z"));
        assertThat(network.moves.get(0).reason()).contains("Moved in the calendar").contains("replaced the change made in Rapport");
        assertThat(CalendarSyncContract.unfolded(CALENDARS.server().get(resource).body())).contains("DTSTART;TZID=Europe/Berlin:20270120T160000")
                                                                                 .contains("UID:interview-with-dana.owner-1@rapport");
    }

    @Test
    void aSyncTokenTheServerNoLongerKnowsFallsBackToListingAndLosesNoEdit() {
        URI calendar = CALENDARS.server().newCalendar("forgotten-token");
        Network network = new Network();
        CalDavConnection connection = new CalDavConnection("c2", calendar.toString(), CalDavServer.USER);
        sync.sync(network, connection, CalDavServer.PASSWORD);
        URI resource = calendar.resolve("rapport-with-dana.ics");
        CalendarSyncContract.editInCalendar(CALENDARS.server(), resource, Instant.now(), "20270114T160000", "20270121T160000",
                                            "20270114T162500", "20270121T162500");
        connection.syncToken = "http://radicale.org/ns/sync/0000000000000000000000000000000000000000000000000000000000000000";

        sync.sync(network, connection, CalDavServer.PASSWORD);

        assertThat(connection.lastError).isNull();
        assertThat(network.moves).extracting(MeetingMove::startsAt).containsExactly(Instant.parse("2027-01-21T15:00:00Z"));
        assertThat(connection.syncToken).startsWith("http://radicale.org/ns/sync/").doesNotContain("0000000000000000");
    }

    /** One owner with one scheduled interview; moves and cancellations change it as the server would. */
    private static final class Network implements OwnerNetwork {

        final List<MeetingMove> moves = new ArrayList<>();
        Runnable beforeSecondRead = () -> { };
        private int reads;
        private PluginInterview interview = new PluginInterview("with-dana", "dana", "SCHEDULED", STARTS_AT, 25, "Europe/Berlin",
                                                                null, "how platform teams hire", Instant.now().minus(2, ChronoUnit.HOURS),
                                                                List.of(), null, null, 1);
        private final PluginContact dana = IcsCalendarTest.dana(1);

        void move(Instant startsAt, Instant changedAt) {
            interview = new PluginInterview(interview.id(), interview.contactId(), interview.status(), startsAt, interview.meetingMinutes(),
                                            interview.timeZone(), interview.location(), interview.purpose(), changedAt,
                                            interview.questions(), null, null, interview.version() + 1);
        }

        @Override
        public String ownerId() {
            return "owner-1";
        }

        @Override
        public Optional<PluginContact> contact(String contactId) {
            return Optional.of(dana).filter(person -> person.id().equals(contactId));
        }

        @Override
        public void eachContact(Consumer<PluginContact> action) {
            action.accept(dana);
        }

        @Override
        public List<PluginInterview> interviewsOf(String contactId) {
            return List.of(interview);
        }

        @Override
        public Optional<PluginInterview> interview(String interviewId) {
            return Optional.of(interview).filter(found -> found.id().equals(interviewId));
        }

        @Override
        public void eachInterview(Consumer<PluginInterview> action) {
            if (++reads % 2 == 0) {
                beforeSecondRead.run();
                beforeSecondRead = () -> { };
            }
            action.accept(interview);
        }

        @Override
        public List<PluginContact> followUpsDue() {
            return List.of();
        }

        @Override
        public PluginInterview rescheduleMeeting(MeetingMove move) {
            moves.add(move);
            interview = new PluginInterview(interview.id(), interview.contactId(), interview.status(), move.startsAt(), move.minutes(),
                                            interview.timeZone(), move.location().isEmpty() ? null : move.location(), interview.purpose(),
                                            Instant.now(), interview.questions(), null, null, interview.version() + 1);
            return interview;
        }

        @Override
        public PluginInterview cancelMeeting(String interviewId, String reason) {
            throw new AssertionError("not called off in these tests: " + reason);
        }

        @Override
        public List<ContactOutcome> addContacts(List<NewContact> contacts) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PluginContact updateContact(ContactChanges changes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PluginContact logTouch(Touch touch) {
            throw new UnsupportedOperationException();
        }
    }
}
