package app.rapport.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequireHygieneTest {

    @ParameterizedTest
    @ValueSource(strings = {"Dana\u0000Reyes", "Dana\u0007", "\u202Eseyer anad", "Dana \u2066Reyes\u2069", "Dana\u007F", "Dana\u0085"})
    void aTextWithControlCharactersOrDirectionOverridesIsRefusedNamingWhereWithoutEchoingIt(String name) {
        assertThatThrownBy(() -> Require.text("givenName", name, 100))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("givenName"))
                .hasMessageStartingWith("givenName must not contain control characters or direction overrides (found U+")
                .hasMessageNotContaining("Dana");
    }

    @ParameterizedTest
    @ValueSource(strings = {"   ", "\u200B\u200B", "\u3164", "\u2800\u2800", "\u00A0\u2007", "\uFEFF"})
    void aTextMadeOnlyOfInvisibleCharactersIsBlank(String name) {
        assertThatThrownBy(() -> Require.text("givenName", name, 100)).hasMessage("givenName must not be blank");
        assertThat(Require.optionalText("title", name, 100)).isNull();
        assertThatThrownBy(() -> Require.texts("tags", List.of("ok", name), 10, 100)).hasMessage("tags[1] must not be blank");
    }

    @Test
    void lineBreaksTabsAccentsAndRightToLeftScriptsAreWelcome() {
        assertThat(Require.text("notes", "First line\n\tsecond line", 100)).isEqualTo("First line\n\tsecond line");
        assertThat(Require.text("givenName", "Zoë Ñúñez", 100)).isEqualTo("Zoë Ñúñez");
        assertThat(Require.text("givenName", "دانا", 100)).isEqualTo("دانا");
        assertThat(Require.text("givenName", "José\u200D", 100)).as("a joiner inside a name is no override").isEqualTo("José\u200D");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "..."})
    void anIdOfOnlyDotsIsRefused(String id) {
        assertThatThrownBy(() -> Identifiers.requireValidValue(id)).hasMessage("id must not be only dots");
    }
}
