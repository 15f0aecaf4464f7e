package app.rapport.domain.interview;

import app.rapport.domain.contact.Channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static app.rapport.domain.testing.Samples.GRACE;
import static app.rapport.domain.testing.Samples.INTERVIEW;

/** The events of Alice's interview with Grace, at whatever times a test needs. */
final class InterviewSamples {

    static final String PURPOSE = "Learn how compilers are built in the navy";
    static final String MESSAGE = "Dear Dr. Hopper, could I ask you for 20 minutes about your work?";
    static final String LOCATION = "https://video.example/grace";
    static final String TIME_ZONE = "America/New_York";

    private InterviewSamples() {
    }

    static InterviewRequested requested(Instant at) {
        return new InterviewRequested(INTERVIEW, GRACE, Channel.EMAIL, 20, PURPOSE, MESSAGE, false, null, at);
    }

    static ResponseRecorded answered(Response response, Instant at) {
        return new ResponseRecorded(INTERVIEW, GRACE, response, at, null, false);
    }

    static MeetingConfirmed confirmed(Instant startsAt) {
        return new MeetingConfirmed(INTERVIEW, GRACE, startsAt, 30, MeetingFormat.VIDEO, LOCATION, TIME_ZONE);
    }

    static NotesRecorded notes(Instant heldAt) {
        return new NotesRecorded(INTERVIEW, GRACE, heldAt, "Start with the manuals", List.of(), null, null,
                                 heldAt.plus(Duration.ofDays(7)), false);
    }

    /** Corrected notes of the same meeting: the deadline stays a week after the meeting as first recorded. */
    static NotesRecorded notesAmended(Instant heldAt) {
        return new NotesRecorded(INTERVIEW, GRACE, heldAt, "Start with the manuals, then the code", List.of(), null,
                                 null, heldAt.plus(Duration.ofDays(7)), true);
    }

    static ThanksSent thanked(Instant sentAt) {
        return new ThanksSent(INTERVIEW, GRACE, sentAt, Channel.EMAIL, "Thank you for your time!");
    }
}
