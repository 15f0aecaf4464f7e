package app.rapport.domain.shared;

/**
 * No such thing for this owner. Also the answer when a command addresses another owner's aggregate or a
 * forgotten contact, so that ids cannot be probed and erased people stay erased.
 */
public final class NotFound extends DomainException {

    public NotFound(String field, String message) {
        super(field, message);
    }
}
