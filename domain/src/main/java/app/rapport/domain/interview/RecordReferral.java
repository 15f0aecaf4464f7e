package app.rapport.domain.interview;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that the interviewee named someone else to talk to. The referred person is already a contact:
 * the application adds a new one (source REFERRAL, introduced by the interviewee) before sending this.
 *
 * @param mayUseName whether the interviewee allowed their name to be used when contacting that person
 */
public record RecordReferral(
        @TargetAggregateIdentifier InterviewId interviewId,
        ReferralId referralId,
        ContactId referredContactId,
        boolean mayUseName,
        @PersonalData String note) {
}
