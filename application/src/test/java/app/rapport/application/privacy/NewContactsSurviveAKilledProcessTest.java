package app.rapport.application.privacy;

import app.rapport.application.eventstore.MongoEventStorageEngine;
import app.rapport.domain.contact.ContactAdded;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A new contact's key gets no durable commit of its own on the embedded store: the commit of the events it encrypts
 * covers it. Killed at any moment, the process must leave every acknowledged contact readable — never an event whose
 * key was lost.
 */
class NewContactsSurviveAKilledProcessTest {

    private static final int ACKNOWLEDGEMENTS = 150;

    @TempDir
    Path dataDirectory;

    @Test
    void everyAcknowledgedNewContactIsReadableAfterTheProcessIsKilled() throws Exception {
        String serverKey = Base64.getEncoder().encodeToString(new PersonalDataCipher().newKey());
        Path childErrors = Files.createTempFile("rapport-add-contacts-until-killed", ".log");
        List<String> acknowledged = new ArrayList<>();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                           "-cp", System.getProperty("java.class.path"),
                                           AddContactsUntilKilled.class.getName(), dataDirectory.toString(), serverKey)
                .redirectError(childErrors.toFile())
                .start();
        try {
            assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
                BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                while (acknowledged.size() < ACKNOWLEDGEMENTS) {
                    String line = output.readLine();
                    if (line == null) {
                        fail("The child stopped after " + acknowledged.size() + " acknowledgements:\n" + Files.readString(childErrors));
                    }
                    if (line.startsWith(AddContactsUntilKilled.ACK + " ")) {
                        acknowledged.add(line.substring(AddContactsUntilKilled.ACK.length() + 1));
                    }
                }
            });
        } finally {
            // SIGKILL on Linux: nothing in the child gets to flush or close anything.
            child.destroyForcibly();
            child.waitFor();
            Files.deleteIfExists(childErrors);
        }

        try (EmbeddedStore store = EmbeddedStore.start(dataDirectory)) {
            MongoEventStorageEngine engine = AddContactsUntilKilled.engine(store, AddContactsUntilKilled.serverKey(serverKey));
            for (int n = 0; n < acknowledged.size(); n++) {
                List<Object> payloads = engine.readEvents(acknowledged.get(n)).asStream().map(Message::getPayload)
                                              .map(Object.class::cast).toList();
                assertThat(payloads).as("the events of %s, acknowledged", acknowledged.get(n)).hasSize(1);
                assertThat(((ContactAdded) payloads.get(0)).givenName()).as("%s, readable with its key", acknowledged.get(n))
                                                                          .isEqualTo("Given " + n);
            }
        }
    }
}
