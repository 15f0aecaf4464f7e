package app.rapport.plugins.linkedin;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LinkedInDatesTest {

    @Test
    void everyFormOfTheExportsIsReadInUtc() {
        assertThat(LinkedInDates.parse("07 Feb 2026")).isEqualTo(Instant.parse("2026-02-07T00:00:00Z"));
        assertThat(LinkedInDates.parse("1/8/18, 6:14 PM")).isEqualTo(Instant.parse("2018-01-08T18:14:00Z"));
        assertThat(LinkedInDates.parse("1/8/18,\u202F6:14\u202FPM")).isEqualTo(Instant.parse("2018-01-08T18:14:00Z"));
        assertThat(LinkedInDates.parse("6-Feb-26")).isEqualTo(Instant.parse("2026-02-06T00:00:00Z"));
        assertThat(LinkedInDates.parse("6-feb-2026")).isEqualTo(Instant.parse("2026-02-06T00:00:00Z"));
        assertThat(LinkedInDates.parse("2015-04-07 21:37:00 UTC")).isEqualTo(Instant.parse("2015-04-07T21:37:00Z"));
        assertThat(LinkedInDates.parse("2015-04-07 21:37:00")).isEqualTo(Instant.parse("2015-04-07T21:37:00Z"));
        assertThat(LinkedInDates.parse(" 2015-04-07 ")).isEqualTo(Instant.parse("2015-04-07T00:00:00Z"));
        assertThat(LinkedInDates.parse("2015-04-07T21:37:00Z")).isEqualTo(Instant.parse("2015-04-07T21:37:00Z"));
    }

    @Test
    void aTextOfADateFormWithImpossibleValuesOrOfNoneIsNoDate() {
        assertThat(LinkedInDates.parse("32 Jun 2026")).isNull();
        assertThat(LinkedInDates.parse("13/40/18, 6:14 PM")).isNull();
        assertThat(LinkedInDates.parse("07 Feb 2026 and more")).isNull();
        assertThat(LinkedInDates.parse("yesterday")).isNull();
        assertThat(LinkedInDates.parse("")).isNull();
    }
}
