package app.rapport.application.overview;

import app.rapport.domain.shared.InvalidInput;

/** How many items a page may ask for. A larger {@code first} is refused rather than cut silently. */
public final class PageSize {

    public static final int MAX = 200;

    private PageSize() {
    }

    static int require(int first) {
        if (first < 0 || first > MAX) {
            throw new InvalidInput("first", "first must be between 0 and " + MAX + ", was " + first);
        }
        return first;
    }
}
