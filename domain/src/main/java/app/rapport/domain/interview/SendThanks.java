package app.rapport.domain.interview;

import app.rapport.domain.contact.Channel;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Records the thank-you note sent after the meeting. */
public record SendThanks(
        @TargetAggregateIdentifier InterviewId interviewId,
        Instant sentAt,
        Channel channel,
        @PersonalData String message) {
}
