package app.rapport.plugins.webhooks;

import app.rapport.plugin.testkit.RapportExtension;
import app.rapport.plugin.testkit.TestServer;
import app.rapport.plugin.testkit.TestUser;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** On a server that keeps the default, a hook cannot point into the server's own network. */
@ExtendWith(RapportExtension.class)
class HookAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/admin", "http://localhost/", "http://10.1.2.3/hook", "http://192.168.0.1/",
                            "http://169.254.169.254/latest/meta-data", "http://[::1]/", "ftp://example.org/hook",
                            "https://user:pass@example.org/", "not a url"})
    void aHookIntoThePrivateNetworkOrNotOverHttpIsRefused(String url, TestServer server) {
        TestUser maya = server.signUp();

        HttpResponse<String> refused = maya.put("/plugins/webhooks/hook?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8) + "&events=*");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(TestUser.json(refused).path("field").asText()).isEqualTo("url");
        assertThat(maya.get("/plugins/webhooks/hook").body()).contains("\"url\":null");
    }
}
