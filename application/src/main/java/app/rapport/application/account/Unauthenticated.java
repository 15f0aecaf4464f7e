package app.rapport.application.account;

/**
 * The caller is not who they claim to be: a wrong email or password, or a token that is unknown or has
 * expired. Not a {@code DomainException}: it is about the caller, not about a command's input.
 */
public final class Unauthenticated extends RuntimeException {

    /** One message for an unknown email and a wrong password, so that it does not tell which emails exist. */
    public static final String WRONG_CREDENTIALS = "email or password is wrong";

    public static final String INVALID_TOKEN = "This sign-in is unknown or has expired: sign in again for a new token";

    public Unauthenticated(String message) {
        super(message);
    }
}
