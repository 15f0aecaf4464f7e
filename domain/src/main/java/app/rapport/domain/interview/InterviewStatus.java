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

    /**
     * The status after an event of the interview, from {@code current} (null before the request): the one place the
     * interview's transitions are written, applied by the aggregate and by every view that shows a status. An event
     * that does not move the status leaves it.
     */
    public static InterviewStatus after(InterviewStatus current, Object event) {
        if (event instanceof InterviewRequested) {
            return REQUESTED;
        }
        if (event instanceof ResponseRecorded recorded) {
            return switch (recorded.response()) {
                case ACCEPTED -> ACCEPTED;
                case DECLINED -> DECLINED;
                case NO_RESPONSE -> NO_RESPONSE;
            };
        }
        if (event instanceof MeetingConfirmed) {
            return SCHEDULED;
        }
        if (event instanceof MeetingCancelled) {
            return CANCELLED;
        }
        if (event instanceof NotesRecorded) {
            return current == SCHEDULED ? HELD : current; // amended notes keep the status
        }
        if (event instanceof ThanksSent) {
            return THANKED;
        }
        return current;
    }

    /** Referrals come from a meeting that took place. */
    public boolean yieldsReferrals() {
        return this == HELD || this == THANKED;
    }
}
