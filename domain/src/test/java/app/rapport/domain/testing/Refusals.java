package app.rapport.domain.testing;

import app.rapport.domain.shared.DomainException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.Objects;

/** Matches a refusal of the expected kind, for the expected field, whose message names that field. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<DomainException> refused(Class<? extends DomainException> kind, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException exception) {
                return kind.isInstance(exception)
                       && Objects.equals(field, exception.field())
                       && (field == null || exception.getMessage().contains(field));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(kind.getSimpleName() + " for field " + field + " with a message naming it");
            }

            @Override
            protected void describeMismatchSafely(DomainException exception, Description description) {
                description.appendText("was " + exception.getClass().getSimpleName() + " for field " + exception.field()
                                       + ": " + exception.getMessage());
            }
        };
    }
}
