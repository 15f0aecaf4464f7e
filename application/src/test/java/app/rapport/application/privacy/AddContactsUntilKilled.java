package app.rapport.application.privacy;

import app.rapport.application.KilledChild;
import app.rapport.application.eventstore.MongoEventStorageEngine;
import app.rapport.domain.contact.ContactId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * The process {@link NewContactsSurviveAKilledProcessTest} kills: on the embedded store in the directory of its first
 * argument, with the server key of its second (Base64), it adds one new contact after another — each with a key
 * of its own, made on first use — and prints {@code ACK <contact>} after each append the engine acknowledged.
 */
final class AddContactsUntilKilled {

    static final String ACK = "ACK";

    private AddContactsUntilKilled() {
    }

    public static void main(String[] arguments) {
        KilledChild.exitWhenParentIsGone();
        try {
            EmbeddedStore store = EmbeddedStore.start(Path.of(arguments[0]));
            MongoEventStorageEngine engine = engine(store, serverKey(arguments[1]));
            PrintStream out = System.out;
            for (int n = 0; ; n++) {
                ContactId contact = new ContactId(PrivacySamples.ALICE, "c-" + n);
                engine.appendEvents(List.of(new GenericDomainEventMessage<>("Contact", contact.toString(), 0,
                                                                            PrivacySamples.added(contact, "Given " + n))));
                out.println(ACK + " " + contact);
                out.flush();
            }
        } catch (Throwable failure) {
            // The embedded server's threads would keep a failed child alive, and the parent waiting for it.
            failure.printStackTrace();
            Runtime.getRuntime().halt(1);
        }
    }

    static MongoEventStorageEngine engine(EmbeddedStore store, ServerKey serverKey) {
        ContactKeys keys = new ContactKeys(store.database(), store.durability(), serverKey);
        return MongoEventStorageEngine.builder()
                                      .database(store.database())
                                      .durability(store.durability())
                                      .eventSerializer(new PersonalDataSerializer(JacksonSerializer.defaultSerializer(), keys))
                                      .snapshotSerializer(JacksonSerializer.defaultSerializer())
                                      .build();
    }

    static ServerKey serverKey(String base64) {
        return new ServerKey(PersonalDataCipher.key(Base64.getDecoder().decode(base64)));
    }
}
