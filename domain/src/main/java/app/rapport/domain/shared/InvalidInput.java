package app.rapport.domain.shared;

/** The input breaks a rule whatever the state: a blank name, 90 minutes asked, an unknown time zone. */
public final class InvalidInput extends DomainException {

    public InvalidInput(String field, String message) {
        super(field, message);
    }
}
