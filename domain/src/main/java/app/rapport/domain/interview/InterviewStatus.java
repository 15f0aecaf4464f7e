package app.rapport.domain.interview;

/** Where an informational interview stands. */
public enum InterviewStatus {
    REQUESTED,
    ACCEPTED,
    DECLINED,
    /** The person has not answered (yet): a polite nudge may follow. */
    NO_RESPONSE,
    SCHEDULED,
    CANCELLED,
    /** The meeting took place and its notes are recorded; thanks are due. */
    HELD,
    THANKED;

    /** Referrals come from a meeting that took place. */
    public boolean yieldsReferrals() {
        return this == HELD || this == THANKED;
    }
}
