package app.rapport.application.privacy;

import app.rapport.application.eventstore.FetchedEvents;
import app.rapport.application.storage.AppendDurability;
import app.rapport.domain.contact.ContactId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static app.rapport.application.privacy.PrivacySamples.ADA;
import static app.rapport.application.privacy.PrivacySamples.ALICE;
import static app.rapport.application.privacy.PrivacySamples.GRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactKeysTest {

    private static final ServerKey SERVER_KEY = randomServerKey();
    private static final int NODES = 4;
    private static final int THREADS_PER_NODE = 2;
    private static final int CONTACTS = 25;

    @TempDir
    Path dataDirectory;

    private EmbeddedStore store;
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicLong nanoTime = new AtomicLong();
    private final ExecutorService threads = Executors.newFixedThreadPool(NODES * THREADS_PER_NODE);

    @BeforeEach
    void start() {
        store = EmbeddedStore.start(dataDirectory);
    }

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        store.close();
    }

    @Test
    void aKeyIsMadeOnFirstUseStoredAndTheSameForEveryoneAfter() {
        ContactKeys keys = newNode();

        SecretKey first = keys.keyToWrite(ADA).orElseThrow();

        assertThat(keyDocuments().countDocuments()).as("the new key was stored before it was handed out").isEqualTo(1);
        assertThat(commits).as("no commit of its own: the append of what it encrypts makes it durable").hasValue(0);
        assertThat(keys.keyToWrite(ADA)).contains(first);
        assertThat(newNode().keyToRead(ADA).orElseThrow().getEncoded()).isEqualTo(first.getEncoded());
        assertThat(first.getAlgorithm()).isEqualTo("AES");
        assertThat(first.getEncoded()).hasSize(32);
        Document stored = keyDocuments().find(Filters.eq("_id", "alice/ada")).first();
        assertThat(stored).containsKeys("sealedKey", "createdAt").doesNotContainKey("key");
    }

    @Test
    void aContactsFirstEventMakesItsKeyWithOneInsertAndFindsAKeyThatExists() {
        SecretKey made = newNode().keyToCreate("alice/new").orElseThrow();

        assertThat(store.commands().count("find", ContactKeys.COLLECTION)).as("no lookup first").isZero();
        assertThat(store.commands().count("insert", ContactKeys.COLLECTION)).isOne();
        assertThat(newNode().keyToRead("alice/new").orElseThrow().getEncoded()).isEqualTo(made.getEncoded());
        SecretKey adas = newNode().keyToWrite(ADA).orElseThrow();
        newNode().forget(GRACE);
        assertThat(newNode().keyToCreate(ADA.toString()).orElseThrow().getEncoded()).as("a retried add").isEqualTo(adas.getEncoded());
        assertThat(newNode().keyToCreate(GRACE.toString())).as("a forgotten contact gets no key").isEmpty();
        assertThat(keyDocuments().countDocuments()).isEqualTo(3);
    }

    @Test
    void aBatchOfNewContactsGetsItsKeysWithOneInsertAndKeepsTheKeysThatExist() {
        ContactKeys keys = newNode();
        SecretKey adas = keys.keyToWrite(ADA).orElseThrow();
        keys.forget("alice/gone");
        commits.set(0);
        ContactKeys node = newNode();

        node.prepare(List.of("alice/ada", "alice/gone", "alice/new-1", "alice/new-2"));

        assertThat(commits).as("no commit of their own: the append of their events makes them durable").hasValue(0);
        assertThat(keyDocuments().countDocuments(Filters.in("_id", List.of("alice/new-1", "alice/new-2")))).isEqualTo(2);
        assertThat(node.keyToWrite(ADA).orElseThrow().getEncoded()).isEqualTo(adas.getEncoded());
        assertThat(node.keyToWrite("alice/gone")).as("a forgotten contact gets no key").isEmpty();
        SecretKey prepared = node.keyToWrite("alice/new-1").orElseThrow();
        assertThat(keyDocuments().countDocuments()).as("the prepared keys are held, not made again").isEqualTo(4);
        assertThat(newNode().keyToRead("alice/new-1").orElseThrow().getEncoded()).isEqualTo(prepared.getEncoded());
    }

    @Test
    void theKeysOfContactsWhoseEventsWereFetchedAreReadTogetherAndHeldForOpeningThem() {
        ContactKeys writer = newNode();
        SecretKey adas = writer.keyToWrite(ADA).orElseThrow();
        SecretKey graces = writer.keyToWrite(GRACE).orElseThrow();
        writer.forget("alice/gone");
        ContactKeys reader = newNode();
        FetchedEvents fetched = new KeysOfFetchedEvents(reader);

        fetched.fetched(List.of(contactEvent("alice/ada"), contactEvent("alice/gone"), contactEvent(GRACE.toString()),
                                contactEvent("alice/never-had-a-key"), event("Interview", "alice/i-1")));
        long stored = keyDocuments().countDocuments();
        keyDocuments().deleteMany(Filters.in("_id", List.of("alice/ada", GRACE.toString())));

        assertThat(reader.keyToRead(ADA).orElseThrow().getEncoded()).as("held from the one lookup").isEqualTo(adas.getEncoded());
        assertThat(reader.keyToRead(GRACE).orElseThrow().getEncoded()).isEqualTo(graces.getEncoded());
        assertThat(reader.keyToRead("alice/gone")).isEmpty();
        assertThat(reader.keyToRead("alice/never-had-a-key")).isEmpty();
        assertThat(stored).as("reading ahead makes no key").isEqualTo(3);
    }

    private static TrackedEventData<?> contactEvent(String contact) {
        return event("Contact", contact);
    }

    private static TrackedEventData<?> event(String aggregateType, String aggregate) {
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(1), new GenericDomainEventEntry<>(
                aggregateType, aggregate, 0, aggregate + "-event", Instant.EPOCH, "Note", null, "{}", "{}"));
    }

    @Test
    void readingMakesNoKey() {
        assertThat(newNode().keyToRead(ADA)).isEmpty();
        assertThat(keyDocuments().countDocuments()).isZero();
    }

    @Test
    void concurrentFirstUseOfAContactsKeyEndsWithOneKey() throws Exception {
        List<ContactKeys> nodes = new ArrayList<>();
        for (int node = 0; node < NODES; node++) {
            nodes.add(newNode());
        }
        int callers = NODES * THREADS_PER_NODE;
        for (int contact = 0; contact < CONTACTS; contact++) {
            ContactId contactId = new ContactId(ALICE, "c-" + contact);
            CyclicBarrier together = new CyclicBarrier(callers);
            List<Future<SecretKey>> results = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                ContactKeys node = nodes.get(caller % NODES);
                results.add(threads.submit(() -> {
                    together.await();
                    return node.keyToWrite(contactId).orElseThrow();
                }));
            }
            List<byte[]> handedOut = new ArrayList<>();
            for (Future<SecretKey> result : results) {
                handedOut.add(result.get(30, TimeUnit.SECONDS).getEncoded());
            }
            byte[] theKey = keyOf(contactId);
            assertThat(handedOut).as("keys handed out for %s", contactId).allSatisfy(key -> assertThat(key).isEqualTo(theKey));
        }
        assertThat(keyDocuments().countDocuments()).isEqualTo(CONTACTS);
    }

    @Test
    void forgettingDeletesTheKeyForGoodAndKeepsAKeylessDocument() {
        ContactKeys keys = newNode();
        keys.keyToWrite(ADA);
        commits.set(0);

        assertThat(keys.forget(ADA)).isTrue();

        assertThat(commits).as("the deletion was committed").hasValue(1);
        Document stored = keyDocuments().find(Filters.eq("_id", "alice/ada")).first();
        assertThat(stored).containsKey("forgottenAt").doesNotContainKey("sealedKey");
        assertThat(keys.keyToRead(ADA)).isEmpty();
        assertThat(keys.keyToWrite(ADA)).as("no new key for a forgotten contact").isEmpty();
        assertThat(newNode().keyToWrite(ADA)).isEmpty();
        assertThat(keyDocuments().find(Filters.eq("_id", "alice/ada")).first()).doesNotContainKey("sealedKey");
        assertThat(keys.forget(ADA)).as("forgetting again changes nothing").isFalse();
        assertThat(newNode().forget(ADA)).isFalse();
    }

    @Test
    void aContactForgottenBeforeItHadAKeyNeverGetsOne() {
        assertThat(newNode().forget(GRACE)).isTrue();

        assertThat(newNode().keyToWrite(GRACE)).isEmpty();
        assertThat(keyDocuments().countDocuments()).isOne();
    }

    @Test
    void anotherNodesForgettingIsSeenOnceTheCachedKeyExpires() {
        ContactKeys reader = newNode();
        ContactKeys eraser = newNode();
        reader.keyToRead(ADA);
        assertThat(reader.keyToWrite(ADA)).isPresent();

        eraser.forget(ADA);
        nanoTime.addAndGet(ContactKeys.CACHE_LIFETIME.toNanos() + 1);

        assertThat(reader.keyToRead(ADA)).isEmpty();
        assertThat(reader.keyToWrite(ADA)).isEmpty();
    }

    @Test
    void theCacheIsBoundedLeastRecentlyUsedFirstOut() {
        ContactKeys reader = new ContactKeys(store.database(), countingDurability(), SERVER_KEY, new PersonalDataCipher(),
                                             Clock.systemUTC(), 2, Duration.ofDays(1), nanoTime::get);
        ContactKeys eraser = newNode();
        ContactId linus = new ContactId(ALICE, "linus");
        reader.keyToWrite(ADA);
        reader.keyToWrite(GRACE);
        reader.keyToRead(ADA);
        reader.keyToWrite(linus); // pushes out Grace, the least recently used

        eraser.forget(ADA);
        eraser.forget(GRACE);

        assertThat(reader.keyToRead(ADA)).as("still cached: another node's forgetting shows after the cache lifetime")
                                         .isPresent();
        assertThat(reader.keyToRead(GRACE)).as("read from the store again").isEmpty();
    }

    private ContactKeys newNode() {
        return new ContactKeys(store.database(), countingDurability(), SERVER_KEY, new PersonalDataCipher(), Clock.systemUTC(),
                               ContactKeys.CACHE_CAPACITY, ContactKeys.CACHE_LIFETIME, nanoTime::get);
    }

    private AppendDurability countingDurability() {
        AppendDurability embedded = store.durability();
        return () -> {
            commits.incrementAndGet();
            embedded.makeDurable();
        };
    }

    private byte[] keyOf(ContactId contactId) {
        Optional<Document> stored = Optional.ofNullable(keyDocuments().find(Filters.eq("_id", contactId.toString())).first());
        return SERVER_KEY.open(stored.orElseThrow().getString("sealedKey"));
    }

    @Test
    void aKeyIsStoredSealedWithTheServerKeySoTheDatabaseAloneOpensNothing() {
        SecretKey key = newNode().keyToWrite(ADA).orElseThrow();
        String stored = keyDocuments().find(Filters.eq("_id", "alice/ada")).first().getString("sealedKey");

        assertThat(stored).doesNotContain(Base64.getEncoder().encodeToString(key.getEncoded()));
        ContactKeys withAnotherServerKey = new ContactKeys(store.database(), countingDurability(), randomServerKey());
        assertThatThrownBy(() -> withAnotherServerKey.keyToRead(ADA)).isInstanceOf(PersonalDataCipher.UnreadableValueException.class);
    }

    @Test
    void keysKeptInTheClearByAnOlderStoreAreSealedAtStartUpAndReadTheSame() {
        byte[] clear = new PersonalDataCipher().newKey();
        keyDocuments().insertOne(new Document("_id", "alice/ada").append("key", new Binary(clear)).append("createdAt", new Date()));
        keyDocuments().insertOne(new Document("_id", "alice/bo").append("forgottenAt", new Date()));

        ContactKeys keys = newNode();
        assertThat(keys.wrapWithTheCurrentServerKey()).isEqualTo(1);

        Document stored = keyDocuments().find(Filters.eq("_id", "alice/ada")).first();
        assertThat(stored).doesNotContainKey("key").containsKey("sealedKey");
        assertThat(newNode().keyToRead(ADA).orElseThrow().getEncoded()).isEqualTo(clear);
        assertThat(keyDocuments().find(Filters.eq("_id", "alice/bo")).first()).containsOnlyKeys("_id", "forgottenAt");
        assertThat(newNode().wrapWithTheCurrentServerKey()).as("nothing left to seal").isZero();
    }

    @Test
    void rotatingTheServerKeyReadsWhatTheOldOneSealedAndSealsItAgainWithTheNewOne() {
        byte[] key = newNode().keyToWrite(ADA).orElseThrow().getEncoded();
        ServerKey rotated = new ServerKey(randomServerKey().key(), List.of(SERVER_KEY.key()));

        ContactKeys afterRotation = new ContactKeys(store.database(), countingDurability(), rotated);
        assertThat(afterRotation.keyToRead(ADA).orElseThrow().getEncoded()).as("read before resealing").isEqualTo(key);
        assertThat(afterRotation.wrapWithTheCurrentServerKey()).isEqualTo(1);

        ServerKey oldOneGone = new ServerKey(rotated.key());
        assertThat(new ContactKeys(store.database(), countingDurability(), oldOneGone).keyToRead(ADA).orElseThrow().getEncoded())
                .isEqualTo(key);
    }

    private static ServerKey randomServerKey() {
        return new ServerKey(PersonalDataCipher.key(new PersonalDataCipher().newKey()));
    }

    private MongoCollection<Document> keyDocuments() {
        return store.database().getCollection(ContactKeys.COLLECTION);
    }
}
