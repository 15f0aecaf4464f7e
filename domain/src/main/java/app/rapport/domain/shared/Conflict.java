package app.rapport.domain.shared;

/** The input is fine but the current state forbids it: thanks already sent, a meeting after a decline. */
public final class Conflict extends DomainException {

    public Conflict(String field, String message) {
        super(field, message);
    }
}
