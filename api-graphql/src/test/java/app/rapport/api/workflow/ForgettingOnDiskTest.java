package app.rapport.api.workflow;

import app.rapport.api.support.RunningServer;
import app.rapport.api.support.RunningServer.User;
import app.rapport.application.accountdeletion.AccountDeletion;
import app.rapport.application.privacy.DiskErasure;
import app.rapport.domain.shared.OwnerId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static app.rapport.api.workflow.Documents.ADD_CONTACT;
import static app.rapport.api.workflow.Documents.CONFIRM_MEETING;
import static app.rapport.api.workflow.Documents.FORGET_CONTACT;
import static app.rapport.api.workflow.Documents.LOG_TOUCH;
import static app.rapport.api.workflow.Documents.RECORD_NOTES;
import static app.rapport.api.workflow.Documents.RECORD_RESPONSE;
import static app.rapport.api.workflow.Documents.REQUEST_INTERVIEW;
import static app.rapport.api.workflow.Documents.SET_FOLLOW_UP_CADENCE;
import static app.rapport.api.workflow.Documents.UPDATE_CONTACT;
import static app.rapport.api.workflow.Documents.input;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user promises a forgotten person holds on disk: once the erasure has completed, no byte of the data
 * directory holds their name, email or what was said with them, not even in the store's free space.
 */
class ForgettingOnDiskTest {

    /**
     * Words the store's page compression cannot break up, so that the same search finds them before the erasure: the
     * check can see them, and then no longer does. The compression replaces a run of three bytes seen earlier in the
     * page by a reference to it; these are Greek, no two letters alike, among neighbours in ASCII or random bytes, and
     * no two of the same length (a string's length is stored just before it).
     */
    private static final String GIVEN_NAME = "Ξυλωφ";
    private static final String FAMILY_NAME = "Ψηκτρμ";
    private static final String EMAIL = "γδζθ@example.org";
    private static final String EMAIL_WORD = "γδζθ";
    private static final String NOTES_WORD = "Μβεια";
    /** (A touch's note is kept only in the encrypted events, never in clear: no search can find it.) */
    private static final String TOUCH_NOTE = "Sent the Jqxvumbrel article";
    private static final List<String> PERSONAL = List.of(GIVEN_NAME, FAMILY_NAME, EMAIL_WORD, NOTES_WORD);
    private static final String ACCOUNT_WORD = "σχνπ";
    private static final String ACCOUNT_EMAIL = ACCOUNT_WORD + ".student@example.org";
    private static final String DISPLAY_NAME = "ΩΘΛΔΓΠΦ";
    private static final String PASSWORD = "a long enough secret";
    /** The user's own words, in their question bank. */
    private static final String QUESTION_WORD = "ΑΒΕΖΗΙΝΟΡΤΥΧ";

    @TempDir
    Path dataDir;

    private RunningServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aForgottenContactIsInNoByteOfTheDataDirectoryOnceTheErasureHasCompleted() throws Exception {
        server = RunningServer.start(dataDir, "--rapport.privacy.erasure-delay=PT0.1S");
        User user = server.signUpFreshUser();
        String contactId = "xq";
        writeAPersonWithAHistory(user, contactId);
        // Someone kept, so that the search is seen to find what stays.
        user.graphQl(ADD_CONTACT, input("id", "kept", "givenName", "Κεεπ", "source", "ALUMNI")).data("addContact");
        awaitOnDisk(PERSONAL);

        assertThat(user.graphQl(FORGET_CONTACT, Map.of("id", contactId)).data("forgetContact").asBoolean()).isTrue();
        awaitErasure();

        assertThat(occurrencesInDataDirectory()).as("after the erasure")
                                                .allSatisfy((word, count) -> assertThat(count).as(word).isZero());
        assertThat(count(allBytes(), "Κεεπ")).as("what was not forgotten is still there").isPositive();
        // and so it stays once the server has stopped
        server.close();
        server = null;
        assertThat(occurrencesInDataDirectory()).allSatisfy((word, count) -> assertThat(count).as(word).isZero());
    }

    @Test
    void aDeletedAccountIsInNoByteOfTheDataDirectoryOnceItsErasureHasCompletedAndItsExportHadEverything() throws Exception {
        server = RunningServer.start(dataDir, "--rapport.privacy.erasure-delay=PT0.1S");
        JsonNode signedUp = server.graphQl(null, """
                mutation { signUp(email: "%s", password: "%s", displayName: "%s") { token account { id } } }"""
                .formatted(ACCOUNT_EMAIL, PASSWORD, DISPLAY_NAME), Map.of()).data("signUp");
        User user = new User(signedUp.path("account").path("id").asText(), signedUp.path("token").asText(), server);
        writeAPersonWithAHistory(user, "xq");
        user.graphQl("mutation($text: String!) { addQuestion(text: $text, topic: \"craft\") { id } }",
                     Map.of("text", "What makes " + QUESTION_WORD + " work?")).data("addQuestion");
        List<String> wholeAccount = new ArrayList<>(PERSONAL);
        wholeAccount.addAll(List.of(ACCOUNT_WORD, DISPLAY_NAME, QUESTION_WORD));

        // The right of access first: the export holds the account, the person, the history and the notes.
        String export = server.http().get().uri("/account/export").header(HttpHeaders.AUTHORIZATION, "Bearer " + user.token())
                              .retrieve().body(String.class);
        JsonNode exported = new ObjectMapper().readTree(export);
        assertThat(exported.path("account").path("email").asText()).isEqualTo(ACCOUNT_EMAIL);
        assertThat(exported.path("contacts")).singleElement().satisfies(contact -> {
            assertThat(contact.path("contact").path("givenName").asText()).isEqualTo(GIVEN_NAME);
            assertThat(contact.path("contact").path("id").asText()).as("ids read as the user chose them").isEqualTo("xq");
            assertThat(contact.path("history").size()).as("every step of the relationship").isGreaterThanOrEqualTo(7);
            assertThat(contact.path("history").toString()).contains("user:" + user.accountId());
        });
        assertThat(exported.path("questionBank").toString()).contains(QUESTION_WORD);
        assertThat(exported.path("interviews")).singleElement()
                                               .satisfies(interview -> assertThat(interview.toString()).contains(NOTES_WORD));
        int withoutSigningIn = server.http().get().uri("/account/export").exchange((request, response) -> response.getStatusCode().value());
        assertThat(withoutSigningIn).isEqualTo(401);
        awaitOnDisk(wholeAccount);

        user.graphQl("mutation($p: String!) { deleteAccount(password: $p) }", Map.of("p", "not it at all"))
            .assertRefused("BAD_REQUEST", "password");
        assertThat(user.graphQl("mutation($p: String!) { deleteAccount(password: $p) }", Map.of("p", PASSWORD))
                       .data("deleteAccount").asBoolean()).isTrue();

        user.graphQl("{ me { id } }", Map.of()).assertRefused("UNAUTHORIZED", null);
        AccountDeletion deletion = server.context().getBean(AccountDeletion.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (deletion.inProgress(new OwnerId(user.accountId())) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        awaitErasure();
        assertThat(occurrences(wholeAccount)).as("after the erasure")
                                             .allSatisfy((word, count) -> assertThat(count).as(word).isZero());
        server.graphQl(null, """
                mutation { signIn(email: "%s", password: "%s") { token } }""".formatted(ACCOUNT_EMAIL, PASSWORD), Map.of())
              .assertRefused("UNAUTHORIZED", null);
    }

    private static void writeAPersonWithAHistory(User user, String contactId) {
        Instant now = Instant.now();
        user.graphQl(ADD_CONTACT, input("id", contactId, "givenName", GIVEN_NAME, "familyName", FAMILY_NAME,
                                        "emails", List.of(EMAIL), "organization", "Acme", "source", "CAREER_FAIR")).data("addContact");
        user.graphQl(UPDATE_CONTACT, input("id", contactId, "title", "Head of " + FAMILY_NAME + " research")).data("updateContact");
        user.graphQl(SET_FOLLOW_UP_CADENCE, Map.of("contactId", contactId, "everyDays", 30)).data("setFollowUpCadence");
        user.graphQl(LOG_TOUCH, input("contactId", contactId, "at", now.minus(Duration.ofDays(2)).toString(), "channel", "EMAIL",
                                      "note", TOUCH_NOTE)).data("logTouch");
        String interviewId = user.graphQl(REQUEST_INTERVIEW, input("contactId", contactId, "channel", "EMAIL", "requestedMinutes", 20,
                                                                   "requestedAt", now.minus(Duration.ofDays(3)).toString(),
                                                                   "purpose", "Ask " + GIVEN_NAME + " about research"))
                                 .data("requestInterview").path("id").asText();
        user.graphQl(RECORD_RESPONSE, input("interviewId", interviewId, "response", "ACCEPTED",
                                            "at", now.minus(Duration.ofDays(2)).toString())).data("recordResponse");
        user.graphQl(CONFIRM_MEETING, input("interviewId", interviewId, "startsAt", now.minus(Duration.ofDays(1)).toString(),
                                            "durationMinutes", 20, "format", "VIDEO", "timeZone", "Europe/Oslo")).data("confirmMeeting");
        user.graphQl(RECORD_NOTES, input("interviewId", interviewId, "heldAt", now.minus(Duration.ofHours(20)).toString(),
                                         "summary", "Told me about the " + NOTES_WORD + " project",
                                         "advice", "Write to " + EMAIL)).data("recordNotes");
    }

    /**
     * Until the check finds every word in the data directory: a view's write reaches the file with the store's next
     * commit, within a second.
     */
    private void awaitOnDisk(List<String> words) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (occurrences(words).containsValue(0) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(occurrences(words)).as("before the erasure, the check finds every word")
                                      .allSatisfy((word, count) -> assertThat(count).as(word).isPositive());
    }

    /** Until everything stored so far, the forgetting included, is erased from disk. */
    private void awaitErasure() throws InterruptedException {
        DiskErasure erasure = server.context().getBean(DiskErasure.class);
        TrackingToken head = server.context().getBean(EventStore.class).createHeadToken();
        long forgetting = ((GapAwareTrackingToken) WrappedToken.unwrapLowerBound(head)).getIndex();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!erasure.completedThrough(forgetting) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(erasure.completedThrough(forgetting)).as("erased within a minute").isTrue();
        assertThat(erasure.pending()).isFalse();
    }

    private Map<String, Integer> occurrencesInDataDirectory() throws IOException {
        return occurrences(PERSONAL);
    }

    private Map<String, Integer> occurrences(List<String> words) throws IOException {
        List<byte[]> files = allBytes();
        Map<String, Integer> found = new LinkedHashMap<>();
        for (String word : words) {
            found.put(word, count(files, word));
        }
        return found;
    }

    private List<byte[]> allBytes() throws IOException {
        List<byte[]> contents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.add(Files.readAllBytes(file));
            }
        }
        return contents;
    }

    /**
     * How often the word's UTF-8 bytes occur, each byte read as one character on both sides. The compression writes
     * literal bytes in runs of at most 32, each after a header byte (0 to 31), which may fall inside the word: one is
     * allowed between any two of its bytes.
     */
    private static int count(List<byte[]> files, String word) {
        StringBuilder pattern = new StringBuilder();
        for (char c : new String(word.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1).toCharArray()) {
            pattern.append(pattern.isEmpty() ? "" : "[\\x00-\\x1f]?").append(Pattern.quote(String.valueOf(c)));
        }
        Pattern wanted = Pattern.compile(pattern.toString());
        int found = 0;
        for (byte[] bytes : files) {
            Matcher matcher = wanted.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
            while (matcher.find()) {
                found++;
            }
        }
        return found;
    }
}
