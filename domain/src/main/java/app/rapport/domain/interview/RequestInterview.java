package app.rapport.domain.interview;

import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Asks a contact for a short conversation about their work.
 *
 * @param requestedMinutes how much of their time is asked: 5 to 60 minutes
 * @param mentionReferrer  whether the request names the person who introduced the contact
 * @param requestedAt      when the request went out; null: now. May be in the past, not in the future.
 */
public record RequestInterview(
        @TargetAggregateIdentifier InterviewId interviewId,
        ContactId contactId,
        Channel channel,
        int requestedMinutes,
        @PersonalData String purpose,
        @PersonalData String message,
        boolean mentionReferrer,
        Instant requestedAt) {
}
