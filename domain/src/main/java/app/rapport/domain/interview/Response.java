package app.rapport.domain.interview;

/** How the person answered a request for an interview. */
public enum Response {
    ACCEPTED,
    DECLINED,
    NO_RESPONSE
}
