package app.rapport.application.interview;

import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.interview.Answer;
import app.rapport.domain.interview.InterviewStatus;
import app.rapport.domain.interview.MeetingFormat;
import app.rapport.domain.interview.Response;
import app.rapport.domain.shared.InterviewId;

import java.time.Instant;
import java.util.List;

/**
 * An informational interview as the owner sees it now. Personal texts may be null where the events that set
 * them can no longer be read; lists are never null.
 *
 * @param response    the last answer recorded, or null
 * @param meeting     the meeting as confirmed or last moved, kept when it was cancelled; null before one was set
 * @param notes       the notes as last recorded, or null before the meeting was held
 * @param referrals   the people the interviewee named, in the order they were recorded
 * @param thanksDueBy a week after the meeting; {@link #thanksOverdue(Instant)} tells whether it passed
 * @param version     the sequence number of the interview's last event shown here
 */
public record InterviewView(
        InterviewId id,
        ContactId contactId,
        InterviewStatus status,
        String purpose,
        String message,
        Channel channel,
        int requestedMinutes,
        Instant requestedAt,
        Instant respondedAt,
        Response response,
        Meeting meeting,
        List<String> questions,
        Notes notes,
        List<ReferralView> referrals,
        Instant thanksSentAt,
        Instant thanksDueBy,
        long version) {

    public InterviewView {
        questions = List.copyOf(questions);
        referrals = List.copyOf(referrals);
    }

    /** Held, not yet thanked, and the week for thanking has passed by {@code now}. */
    public boolean thanksOverdue(Instant now) {
        return thanksSentAt == null && thanksDueBy != null && now.isAfter(thanksDueBy);
    }

    /**
     * When, how long and where; {@code timeZone} is the java.time zone id it was arranged in; {@code changedAt} when it
     * was last confirmed, moved or called off (null in views built before it was kept).
     */
    public record Meeting(Instant startsAt, int durationMinutes, MeetingFormat format, String location, String timeZone,
                          Instant changedAt) {
    }

    /** What was said; amended notes replace earlier ones as a whole. */
    public record Notes(Instant heldAt, String summary, List<Answer> answers, String advice, String nextSteps) {

        public Notes {
            answers = List.copyOf(answers);
        }
    }
}
