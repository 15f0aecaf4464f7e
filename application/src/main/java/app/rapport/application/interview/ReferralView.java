package app.rapport.application.interview;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.interview.ReferralId;
import app.rapport.domain.shared.InterviewId;

/**
 * A person an interviewee named as someone to talk to.
 *
 * @param fromContactId the interviewee who gave the referral
 * @param toContactId   the person referred
 * @param mayUseName    whether the interviewee allowed their name to be used when reaching out
 */
public record ReferralView(
        ReferralId id,
        InterviewId interviewId,
        ContactId fromContactId,
        ContactId toContactId,
        boolean mayUseName,
        String note) {
}
