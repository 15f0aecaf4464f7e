package app.rapport.domain.shared;

/**
 * A command the domain refuses. The API turns each kind into a GraphQL error classification; the message
 * is written for the person who sent the command and names the field and the rule.
 */
public abstract class DomainException extends RuntimeException {

    private final String field;

    protected DomainException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field at fault, as the API names it; null when the command as a whole is refused. */
    public String field() {
        return field;
    }
}
