package app.rapport.domain.interview;

/** How the meeting takes place. */
public enum MeetingFormat {
    IN_PERSON,
    PHONE,
    VIDEO,
    /** Spending a few hours at the person's workplace, which may last longer than a conversation. */
    OBSERVATIONAL_VISIT
}
