package app.rapport.plugin;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/admin", "http://10.1.2.3/hook", "http://192.168.0.1/", "http://100.64.0.1/",
                            "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://[fd00::1]/", "http://0.0.0.0/"})
    void aPrivateOrLocalAddressIsRefusedByDefaultAndNamesTheField(String url) {
        assertThatThrownBy(() -> OutboundAddress.check("calendarUrl", url, false))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.field()).isEqualTo("calendarUrl"))
                .hasMessageContaining("private or local address");
        assertThat(OutboundAddress.check("calendarUrl", url, true)).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://93.184.216.34/", "https://user:pass@93.184.216.34/", "not a url", "https:///path"})
    void onlyPlainHttpUrlsAreTaken(String url) {
        assertThatThrownBy(() -> OutboundAddress.check("url", url, true)).isInstanceOf(Refused.class).hasMessageStartingWith("url ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/dav/calendars/me/", "http://[2606:2800:220:1:248:1893:25c8:1946]/"})
    void aPublicAddressIsTaken(String url) {
        assertThat(OutboundAddress.check("url", url, false)).isEqualTo(URI.create(url));
    }
}
