package app.rapport.plugin.testkit;

import app.rapport.plugin.RapportEvent;
import app.rapport.plugin.testkit.plugins.FutureApiPlugin;
import app.rapport.plugin.testkit.plugins.RecordingPlugin;
import app.rapport.application.storage.Store;
import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plugin host as plugins and their users meet it, through the test kit's real server. */
@ExtendWith(RapportExtension.class)
@RapportSettings("--rapport.plugins.switched-off.enabled=false")
class PluginHostTest {

    private static final String ADD = "mutation($id: ID!, $name: String!) { addContact(input: {id: $id, givenName: $name, source: ALUMNI}) { id } }";
    private static final String DEAD_LETTERS = "{ pluginDeadLetters(plugin: \"recorder\") { id plugin eventType contactId tries error } }";

    @Test
    void thePluginListShowsWhatRunsWhatIsSwitchedOffAndWhatWasRefusedAndWhy(TestServer server) {
        TestUser maya = server.signUp();

        JsonNode plugins = maya.graphQl("{ plugins { id name version enabled state reason } }").path("data").path("plugins");

        Map<String, JsonNode> byId = new HashMap<>();
        plugins.forEach(plugin -> byId.put(plugin.path("id").asText(), plugin));
        assertThat(byId.get("recorder").path("state").asText()).isEqualTo("RUNNING");
        assertThat(byId.get("recorder").path("enabled").asBoolean()).isTrue();
        assertThat(byId.get("switched-off").path("state").asText()).isEqualTo("DISABLED");
        assertThat(byId.get("switched-off").path("enabled").asBoolean()).isFalse();
        assertThat(byId.get("from-the-future").path("state").asText()).isEqualTo("REFUSED");
        assertThat(byId.get("from-the-future").path("reason").asText()).contains("7 to 9").contains("version 1");
        assertThat(FutureApiPlugin.started).isFalse();
        assertThat(byId.get("clashing").path("state").asText()).isEqualTo("FAILED");
        assertThat(byId.get("clashing").path("reason").asText()).contains("Query.dashboard").contains("already");
    }

    @Test
    void anEventTheFollowerKeepsFailingOnIsSetAsideForItsOwnerAndRetriedOnceFixed(TestServer server) {
        TestUser maya = server.signUp();
        TestUser sam = server.signUp();

        long started = System.nanoTime();
        assertThat(maya.graphQl(ADD, Map.of("id", "poison", "name", "Poison")).has("errors")).isFalse();
        assertThat(maya.graphQl(ADD, Map.of("id", "fine", "name", "Fine")).has("errors")).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("mutations never wait for a plugin").isLessThan(Duration.ofSeconds(3));
        server.awaitPlugin("recorder", Duration.ofSeconds(30));

        assertThat(seen(maya, "fine")).as("the stream went on past the poison event").isTrue();
        assertThat(seen(maya, "poison")).isFalse();
        JsonNode letters = maya.graphQl(DEAD_LETTERS).path("data").path("pluginDeadLetters");
        assertThat(letters).hasSize(1);
        JsonNode letter = letters.get(0);
        assertThat(letter.path("eventType").asText()).isEqualTo("ContactAdded");
        assertThat(letter.path("contactId").asText()).isEqualTo("poison");
        assertThat(letter.path("tries").asInt()).isEqualTo(3);
        assertThat(letter.path("error").asText()).contains("cannot stomach poison");
        assertThat(maya.graphQl("{ plugins { id deadLetterCount } }").toString()).contains("{\"id\":\"recorder\",\"deadLetterCount\":1}");

        assertThat(sam.graphQl(DEAD_LETTERS).path("data").path("pluginDeadLetters")).as("another owner's").isEmpty();
        JsonNode samRetry = sam.graphQl("mutation($id: ID!) { retryPluginDeadLetter(id: $id) }", Map.of("id", letter.path("id").asText()));
        assertThat(samRetry.path("errors").get(0).path("extensions").path("classification").asText()).isEqualTo("NOT_FOUND");

        String retry = "mutation($id: ID!) { retryPluginDeadLetter(id: $id) }";
        assertThat(maya.graphQl(retry, Map.of("id", letter.path("id").asText())).path("data").path("retryPluginDeadLetter").asBoolean())
                .as("still failing").isFalse();
        assertThat(maya.graphQl(DEAD_LETTERS).path("data").path("pluginDeadLetters").get(0).path("tries").asInt()).isEqualTo(4);

        RecordingPlugin.healed = true;
        try {
            assertThat(maya.graphQl(retry, Map.of("id", letter.path("id").asText())).path("data").path("retryPluginDeadLetter").asBoolean()).isTrue();
        } finally {
            RecordingPlugin.healed = false;
        }
        assertThat(seen(maya, "poison")).isTrue();
        assertThat(maya.graphQl(DEAD_LETTERS).path("data").path("pluginDeadLetters")).isEmpty();
    }

    @Test
    void theFollowerSeesEachEventWithItsOwnerActorAndFields(TestServer server) {
        TestUser maya = server.signUp();
        maya.graphQl(ADD, Map.of("id", "dana", "name", "Dana"));
        server.awaitPlugin("recorder", Duration.ofSeconds(30));

        RapportEvent added = RecordingPlugin.SEEN.stream()
                .filter(event -> event.ownerId().equals(maya.accountId()) && "dana".equals(event.contactId()))
                .findFirst().orElseThrow();
        assertThat(added.type()).isEqualTo("ContactAdded");
        assertThat(added.actor()).isEqualTo("user:" + maya.accountId());
        assertThat(added.data()).containsEntry("givenName", "Dana").containsEntry("source", "ALUMNI").containsEntry("contactId", "dana");
        assertThat(added.position()).isPositive();
    }

    @Test
    void theFollowerReadsTheOwnersNetworkAsTheEventLeftIt(TestServer server) {
        TestUser maya = server.signUp();
        List<String> added = new ArrayList<>();
        for (int contact = 0; contact < 40; contact++) {
            added.add("reader-" + contact);
            maya.graphQl(ADD, Map.of("id", added.get(contact), "name", "Reader"));
        }
        server.awaitPlugin("recorder", Duration.ofSeconds(30));

        assertThat(RecordingPlugin.SEEN.stream().map(RapportEvent::contactId)).containsAll(added);
        assertThat(RecordingPlugin.NOT_YET_READABLE).as("contacts told of before they could be read").doesNotContainAnyElementsOf(added);
    }

    @Test
    void theFollowerIsHandedOnlyTheTypesOfEventsItFollows(TestServer server) {
        TestUser maya = server.signUp();
        maya.graphQl(ADD, Map.of("id", "hal", "name", "Hal"));
        assertThat(maya.graphQl("mutation { updateContact(input: {id: \"hal\", title: \"Archivist\"}) { id } }").has("errors")).isFalse();
        maya.graphQl(ADD, Map.of("id", "ivy", "name", "Ivy")); // after the update: once it is seen, the update was passed
        server.awaitPlugin("recorder", Duration.ofSeconds(30));

        assertThat(RecordingPlugin.SEEN.stream().filter(event -> event.ownerId().equals(maya.accountId())).map(RapportEvent::type))
                .containsExactly("ContactAdded", "ContactAdded");
        assertThat(seen(maya, "ivy")).isTrue();
    }

    @Test
    void theFollowerIsHandedOnlyTheEventsOfOwnersItFollowsAsSoonAsTheirSettingsSaySo(TestServer server) {
        TestUser maya = server.signUp();
        TestUser sam = server.signUp();
        maya.graphQl(ADD, Map.of("id", "ann", "name", "Ann"));
        server.awaitPlugin("recorder", Duration.ofSeconds(30)); // maya's settings read, and kept for a while

        HttpResponse<String> quiet = maya.post("/plugins/recorder/settings?name=quiet&value=yes&token=t0k3n-for-the-test");
        assertThat(quiet.statusCode()).as(quiet.body()).isEqualTo(204);
        maya.graphQl(ADD, Map.of("id", "bob", "name", "Bob"));
        sam.graphQl(ADD, Map.of("id", "cy", "name", "Cy")); // after maya's: once it is seen, hers was passed
        server.awaitPlugin("recorder", Duration.ofSeconds(30));

        assertThat(RecordingPlugin.SEEN.stream().filter(event -> event.ownerId().equals(maya.accountId())).map(RapportEvent::contactId))
                .containsExactly("ann");
        assertThat(seen(sam, "cy")).isTrue();
    }

    @Test
    void anOwnersEndpointNeedsTheOwnerAndAPublicOneAnyone(TestServer server) {
        TestUser maya = server.signUp();
        maya.graphQl(ADD, Map.of("id", "eve", "name", "Eve"));
        server.awaitPlugin("recorder", Duration.ofSeconds(30));

        HttpResponse<String> mine = maya.get("/plugins/recorder/seen");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(TestUser.json(mine).path("owner").asText()).isEqualTo(maya.accountId());
        assertThat(TestUser.json(mine).path("events").asInt()).isEqualTo(1);
        assertThat(maya.signedOut().get("/plugins/recorder/seen").statusCode()).isEqualTo(401);
        HttpResponse<String> echo = maya.signedOut().get("/plugins/recorder/echo/hello");
        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(echo.body()).isEqualTo("echo/hello");
        assertThat(maya.get("/plugins/recorder/nothing-here").statusCode()).isEqualTo(404);
        assertThat(maya.get("/plugins/no-such-plugin/seen").statusCode()).isEqualTo(404);
    }

    @Test
    void settingsBelongToTheirOwnerAndSecretsAreNotStoredInClear(TestServer server) {
        TestUser maya = server.signUp();
        TestUser sam = server.signUp();

        HttpResponse<String> saved = maya.post("/plugins/recorder/settings?name=colour&value=teal&token=s3cr3t-pass-phrase");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);

        assertThat(maya.get("/plugins/recorder/settings").body()).isEqualTo("{colour=teal} token=s3cr3t-pass-phrase owners=true");
        assertThat(sam.get("/plugins/recorder/settings").body()).isEqualTo("{} token=none owners=false");
        Document stored = server.context().getBean(Store.class).database().getCollection("plugin_settings")
                                .find(new Document("owner", maya.accountId())).first();
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).contains("teal").doesNotContain("s3cr3t");
    }

    @Test
    void aPluginsGraphQlFieldsAnswerForTheSignedInOwnerWithTheCoresErrors(TestServer server) {
        TestUser maya = server.signUp();
        maya.graphQl(ADD, Map.of("id", "gus", "name", "Gus"));
        server.awaitPlugin("recorder", Duration.ofSeconds(30));

        JsonNode info = maya.graphQl("{ recorder { owner seen } }").path("data").path("recorder");
        assertThat(info.path("owner").asText()).isEqualTo(maya.accountId());
        assertThat(info.path("seen").asInt()).isEqualTo(1);
        assertThat(maya.graphQl("mutation { recorderEcho(text: \"hello\") }").path("data").path("recorderEcho").asText()).isEqualTo("hello");

        JsonNode refused = maya.graphQl("mutation { recorderEcho(text: \"  \") }").path("errors").get(0);
        assertThat(refused.path("extensions").path("classification").asText()).isEqualTo("BAD_REQUEST");
        assertThat(refused.path("extensions").path("field").asText()).isEqualTo("text");
        JsonNode anonymous = maya.signedOut().graphQl("{ recorder { seen } }").path("errors").get(0);
        assertThat(anonymous.path("extensions").path("classification").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aScheduledJobRunsOnItsOwn(TestServer server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (RecordingPlugin.JOB_RUNS.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(RecordingPlugin.JOB_RUNS.get()).isGreaterThanOrEqualTo(2);
    }

    private static boolean seen(TestUser user, String contactId) {
        return RecordingPlugin.SEEN.stream().anyMatch(event -> event.ownerId().equals(user.accountId()) && contactId.equals(event.contactId()));
    }
}
