package app.rapport.plugins.calendar;

import app.rapport.plugin.testkit.RapportExtension;
import app.rapport.plugin.testkit.RapportSettings;
import app.rapport.plugin.testkit.TestServer;
import app.rapport.plugin.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind a proxy the feed's URL names the address calendar apps reach, and the server still answers its path. */
@ExtendWith(RapportExtension.class)
@RapportSettings("--rapport.public-url=https://rapport.example.org/")
class CalendarFeedBehindAProxyTest {

    @Test
    void theFeedUrlStartsWithThePublicUrl(TestServer server) {
        TestUser maya = server.signUp();

        String feedUrl = maya.graphQl("{ calendarSync { feedUrl } }").path("data").path("calendarSync").path("feedUrl").asText();

        assertThat(feedUrl).startsWith("https://rapport.example.org/plugins/calendar-sync/feed/" + maya.accountId() + ".");
        String path = URI.create(feedUrl).getRawPath();
        assertThat(maya.signedOut().get(path).statusCode()).isEqualTo(200);
    }
}
