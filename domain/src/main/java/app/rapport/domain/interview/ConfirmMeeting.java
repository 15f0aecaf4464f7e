package app.rapport.domain.interview;

import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Fixes when, how long and where the meeting takes place. Confirming a meeting for which no answer was
 * recorded means the person accepted.
 *
 * @param timeZone the zone the meeting is arranged in, as a java.time zone id such as Europe/Berlin
 */
public record ConfirmMeeting(
        @TargetAggregateIdentifier InterviewId interviewId,
        Instant startsAt,
        int durationMinutes,
        MeetingFormat format,
        @PersonalData String location,
        String timeZone) {
}
