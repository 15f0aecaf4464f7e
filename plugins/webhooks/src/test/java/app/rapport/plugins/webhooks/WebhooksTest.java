package app.rapport.plugins.webhooks;

import app.rapport.plugin.testkit.RapportExtension;
import app.rapport.plugin.testkit.RapportSettings;
import app.rapport.plugin.testkit.TestServer;
import app.rapport.plugin.testkit.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks delivered to a receiver on loopback, which the test's server allows. */
@ExtendWith(RapportExtension.class)
@RapportSettings("--rapport.plugins.webhooks.allow-private-addresses=true")
class WebhooksTest {

    private static final String ADD = "mutation($id: ID!) { addContact(input: {id: $id, givenName: \"Dana\", familyName: \"Reyes\", source: ALUMNI}) { id } }";

    @Test
    void aChosenEventIsPostedToTheOwnersUrlSignedWithTheirKey(TestServer server) throws Exception {
        try (Receiver receiver = new Receiver()) {
            TestUser maya = server.signUp();
            TestUser sam = server.signUp();
            String key = setHook(maya, receiver.url(), "ContactAdded");

            maya.graphQl(ADD, Map.of("id", "dana"));
            sam.graphQl(ADD, Map.of("id", "dana"));
            maya.graphQl("mutation { logTouch(input: {contactId: \"dana\", at: \"2026-01-05T10:00:00Z\", channel: EMAIL}) { id } }");
            server.awaitPlugin("webhooks", Duration.ofSeconds(30));

            assertThat(receiver.received).as("maya's ContactAdded only: not her touch, not sam's contact").hasSize(1);
            Receiver.Delivery delivery = receiver.received.get(0);
            assertThat(delivery.header("X-Rapport-Event")).isEqualTo("ContactAdded");
            assertThat(delivery.header("X-Rapport-Signature")).isEqualTo("sha256=" + hmac(key, delivery.body()));
            JsonNode body = new ObjectMapper().readTree(delivery.body());
            assertThat(body.path("ownerId").asText()).isEqualTo(maya.accountId());
            assertThat(body.path("contactId").asText()).isEqualTo("dana");
            assertThat(body.path("actor").asText()).isEqualTo("user:" + maya.accountId());
            assertThat(body.path("data").path("givenName").asText()).isEqualTo("Dana");
            assertThat(delivery.header("X-Rapport-Delivery")).isEqualTo(body.path("position").asText());
        }
    }

    @Test
    void aDeliveryTheReceiverKeepsRefusingBecomesADeadLetterAndItsRetryDeliversIt(TestServer server) throws Exception {
        try (Receiver receiver = new Receiver()) {
            TestUser maya = server.signUp();
            setHook(maya, receiver.url(), "*");
            receiver.status = 503;

            maya.graphQl(ADD, Map.of("id", "dana"));
            server.awaitPlugin("webhooks", Duration.ofSeconds(60));

            JsonNode letters = maya.graphQl("{ pluginDeadLetters(plugin: \"webhooks\") { id eventType error } }")
                                   .path("data").path("pluginDeadLetters");
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).path("error").asText()).contains("503");
            assertThat(receiver.received).isEmpty();

            receiver.status = 200;
            JsonNode retried = maya.graphQl("mutation($id: ID!) { retryPluginDeadLetter(id: $id) }",
                                            Map.of("id", letters.get(0).path("id").asText()));
            assertThat(retried.path("data").path("retryPluginDeadLetter").asBoolean()).as(retried.toString()).isTrue();
            assertThat(receiver.received).hasSize(1);
            assertThat(receiver.received.get(0).header("X-Rapport-Event")).isEqualTo("ContactAdded");
        }
    }

    @Test
    void theHookShowsItsUrlAndEventsButNeverItsKeyAndCanBeRemoved(TestServer server) throws Exception {
        try (Receiver receiver = new Receiver()) {
            TestUser maya = server.signUp();
            String key = setHook(maya, receiver.url(), "MeetingConfirmed, ThanksSent");

            HttpResponse<String> shown = maya.get("/plugins/webhooks/hook");
            assertThat(TestUser.json(shown).path("url").asText()).isEqualTo(receiver.url());
            assertThat(TestUser.json(shown).path("events").asText()).isEqualTo("MeetingConfirmed, ThanksSent");
            assertThat(shown.body()).doesNotContain(key);
            assertThat(server.signUp().get("/plugins/webhooks/hook").body()).as("another owner's").contains("\"url\":null");

            assertThat(maya.delete("/plugins/webhooks/hook").statusCode()).isEqualTo(200);
            assertThat(maya.get("/plugins/webhooks/hook").body()).contains("\"url\":null");
        }
    }

    /** Sets the hook; its signing key. */
    private static String setHook(TestUser user, String url, String events) {
        HttpResponse<String> set = user.put("/plugins/webhooks/hook?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)
                                            + "&events=" + URLEncoder.encode(events, StandardCharsets.UTF_8));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        return TestUser.json(set).path("signingKey").asText();
    }

    /** The receiver's side: the signature it expects for this body. */
    private static String hmac(String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
