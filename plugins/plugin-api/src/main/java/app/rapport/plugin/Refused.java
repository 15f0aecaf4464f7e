package app.rapport.plugin;

/** Rapport refused a change: {@link #field()} names what is wrong, the message says what to change. */
public class Refused extends RuntimeException {

    private final String field;

    public Refused(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, as the API names it, or null. */
    public String field() {
        return field;
    }
}
