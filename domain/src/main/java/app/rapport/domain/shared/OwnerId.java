package app.rapport.domain.shared;

/** The user to whom an aggregate belongs; always taken from the authenticated caller, never from input. */
public record OwnerId(String value) {

    public OwnerId {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("owner", "owner must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
