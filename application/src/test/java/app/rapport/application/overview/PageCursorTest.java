package app.rapport.application.overview;

import app.rapport.domain.shared.InvalidInput;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageCursorTest {

    @Test
    void aCursorReadsBackButShowsNoNameNorAnyOtherPartOfIt() {
        String cursor = PageCursor.encode(FindContactPage.LIST, "quarrington xylo", "xylo");

        assertThat(PageCursor.decode(FindContactPage.LIST, cursor)).isEqualTo(List.of("quarrington xylo", "xylo"));
        String inside = new String(Base64.getDecoder().decode(cursor.substring(cursor.indexOf(':') + 1)), StandardCharsets.ISO_8859_1);
        assertThat(cursor + inside).doesNotContainIgnoringCase("quarrington").doesNotContain("xylo");
        assertThat(PageCursor.encode(FindContactPage.LIST, "quarrington xylo", "xylo")).as("sealed anew each time").isNotEqualTo(cursor);
    }

    @Test
    void aCursorMadeUpAlteredOrOfAnotherListIsRefused() {
        String cursor = PageCursor.encode(FindContactPage.LIST, "reyes dana", "dana");
        // A character in the middle: every bit of it counts (near the end, base64 may carry unused bits).
        int middle = cursor.length() / 2;
        String altered = cursor.substring(0, middle) + (cursor.charAt(middle) == 'A' ? "B" : "A") + cursor.substring(middle + 1);
        String plainOldStyle = Base64.getUrlEncoder().withoutPadding().encodeToString("contacts\u0000reyes dana\u0000dana".getBytes(StandardCharsets.UTF_8));

        for (String refused : List.of(altered, plainOldStyle, "garbage")) {
            assertThatThrownBy(() -> PageCursor.decode(FindContactPage.LIST, refused))
                    .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.field()).isEqualTo("after"));
        }
        assertThatThrownBy(() -> PageCursor.decode(FindInterviewPage.LIST, cursor)).isInstanceOf(InvalidInput.class);
    }
}
