package app.rapport.application.privacy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import app.rapport.application.storage.AppendDurability;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.OwnerId;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Each contact's own key, kept apart from the events it encrypts, in collection {@value #COLLECTION}: one
 * document per contact, {@code _id} = the contact id ({@code owner/value}), holding
 * {@code {sealedKey, createdAt}} while the contact is known and only {@code {forgottenAt}} once it is forgotten.
 * The key is sealed with the {@link ServerKey}, which is not stored with the data: a copy of the database alone
 * opens no contact's details. (Stores written before keys were sealed hold {@code key} in the clear; start-up
 * seals them.)
 * <p>
 * Forgetting leaves that key-less document behind on purpose: a key is otherwise created on first use, and
 * without it an event about a forgotten contact written later (a command racing the erasure, an old event
 * serialized again) would get a fresh, readable key.
 * <p>
 * Every lookup is an exact match on {@code _id}, which the embedded store serves without scanning. Keys are
 * cached in memory, a bounded number and for a short while, so that another node's forgetting is seen soon;
 * a forgotten contact is remembered as long as it stays in the cache, since it never comes back. Keys are
 * never logged.
 */
final class ContactKeys {

    private static final Logger log = LoggerFactory.getLogger(ContactKeys.class);

    static final String COLLECTION = "contact_keys";
    static final int CACHE_CAPACITY = 10_000;
    static final Duration CACHE_LIFETIME = Duration.ofMinutes(1);

    /** A key as stores before sealing kept it. */
    private static final String KEY = "key";
    private static final String SEALED_KEY = "sealedKey";
    private static final String CREATED_AT = "createdAt";
    private static final String FORGOTTEN_AT = "forgottenAt";

    private final MongoCollection<Document> documents;
    private final AppendDurability durability;
    private final PersonalDataCipher cipher;
    private final ServerKey serverKey;
    private final Clock clock;
    private final Cache cache;

    ContactKeys(MongoDatabase database, AppendDurability durability, ServerKey serverKey) {
        this(database, durability, serverKey, new PersonalDataCipher(), Clock.systemUTC(), CACHE_CAPACITY, CACHE_LIFETIME, System::nanoTime);
    }

    ContactKeys(MongoDatabase database, AppendDurability durability, ServerKey serverKey, PersonalDataCipher cipher, Clock clock,
                int cacheCapacity, Duration cacheLifetime, LongSupplier nanoTime) {
        // Like events: a key acknowledged to a command must survive a failover and a crash.
        this.documents = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        this.durability = durability;
        this.cipher = cipher;
        this.serverKey = serverKey;
        this.clock = clock;
        this.cache = new Cache(cacheCapacity, cacheLifetime, nanoTime);
    }

    /**
     * The key to encrypt a contact's personal data with, created on first use; empty once the contact is
     * forgotten. A new key is stored before this returns and is durable no later than anything encrypted with it,
     * so events can never outlive their key after a crash: on MongoDB its write concern makes it durable at once;
     * on the embedded store the append of the events it encrypts makes it durable, as a commit of the store's file
     * covers every write made before it began, the key's too. (A commit of the key's own took a fourth of an
     * addContact's time.)
     */
    Optional<SecretKey> keyToWrite(ContactId contactId) {
        return keyToWrite(contactId.toString());
    }

    /** As {@link #keyToWrite(ContactId)}, for the owner's own words ({@link #ownWordsOf}). */
    Optional<SecretKey> keyToWrite(String id) {
        Cache.Entry cached = cache.get(id);
        if (cached != null) {
            return cached.key();
        }
        Document stored = find(id);
        return cache.put(id, keyOf(stored != null ? stored : create(id)));
    }

    /**
     * As {@link #keyToWrite(String)}, for a contact's first event, whose key most likely does not exist yet: it is
     * inserted at once, and looked for only when the insert finds one there (a retried add, a forgotten contact).
     */
    Optional<SecretKey> keyToCreate(String id) {
        Cache.Entry cached = cache.get(id);
        if (cached != null) {
            return cached.key();
        }
        return cache.put(id, keyOf(create(id)));
    }

    /**
     * Makes sure the keys of these contacts exist and are held in memory, with one lookup and one insert of those
     * still missing instead of one each: for a batch of new contacts, before their events are encrypted (and made
     * durable with them, as in {@link #keyToWrite(ContactId)}). A key another thread or node creates meanwhile is left
     * to {@link #keyToWrite(String)} to find.
     */
    void prepare(Collection<String> ids) {
        Set<String> unknown = readKeysNotHeld(ids);
        if (unknown.isEmpty()) {
            return;
        }
        List<Document> fresh = unknown.stream().map(this::newKey).toList();
        Set<Integer> taken = new HashSet<>();
        try {
            documents.insertMany(fresh, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                taken.add(error.getIndex());
            }
        }
        for (int i = 0; i < fresh.size(); i++) {
            if (!taken.contains(i)) {
                cache.put(fresh.get(i).getString("_id"), keyOf(fresh.get(i)));
            }
        }
    }

    /**
     * Reads the keys of these contacts that are not held in memory, with one lookup, so that opening many of their
     * events (a view catching up, a rebuild) reads no key one by one. Contacts without a key are left to
     * {@link #keyToRead(String)}.
     */
    void prepareToRead(Collection<String> ids) {
        readKeysNotHeld(ids);
    }

    /** Reads the stored keys of those of these contacts not held in memory, with one lookup; the ids that have none. */
    private Set<String> readKeysNotHeld(Collection<String> ids) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String id : ids) {
            if (cache.get(id) == null) {
                unknown.add(id);
            }
        }
        if (unknown.isEmpty()) {
            return unknown;
        }
        for (Document stored : documents.find(Filters.in("_id", unknown))) {
            String id = stored.getString("_id");
            unknown.remove(id);
            cache.put(id, keyOf(stored));
        }
        return unknown;
    }

    /** The key to decrypt a contact's personal data with; empty once the contact is forgotten. */
    Optional<SecretKey> keyToRead(ContactId contactId) {
        return keyToRead(contactId.toString());
    }

    Optional<SecretKey> keyToRead(String id) {
        Cache.Entry cached = cache.get(id);
        if (cached != null) {
            return cached.key();
        }
        Document stored = find(id);
        // No document: no key was ever made, so nothing was encrypted for this contact; nothing to cache either.
        return stored == null ? Optional.empty() : cache.put(id, keyOf(stored));
    }

    /**
     * Deletes the contact's key for good, and keeps a key-less document so that none is made again.
     * Idempotent; durable before it returns.
     *
     * @return whether this call forgot the contact, false when it was forgotten already
     */
    boolean forget(ContactId contactId) {
        return forget(contactId.toString());
    }

    boolean forget(String id) {
        Cache.Entry cached = cache.get(id);
        if (cached != null && cached.key().isEmpty()) {
            return false;
        }
        Document stored = find(id);
        boolean forgottenNow = stored == null || stored.containsKey(KEY) || stored.containsKey(SEALED_KEY);
        if (forgottenNow) {
            Document forgotten = new Document("_id", id).append(FORGOTTEN_AT, Date.from(clock.instant()));
            documents.replaceOne(Filters.eq("_id", id), forgotten, new ReplaceOptions().upsert(true));
            durability.makeDurable();
        }
        cache.forget(id);
        return forgottenNow;
    }

    /**
     * The id of the key of an owner's own words (their question bank): {@code owner#own-words}, which no contact id
     * can be ({@code #} is not allowed in one).
     */
    static String ownWordsOf(OwnerId owner) {
        return owner.value() + "#own-words";
    }

    private Document find(String id) {
        return documents.find(Filters.eq("_id", id)).first();
    }

    /** Inserts a new key; when another thread or node got there first, theirs is the contact's key. */
    private Document create(String id) {
        Document fresh = newKey(id);
        try {
            documents.insertOne(fresh);
            return fresh;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document existing = find(id);
        if (existing == null) {
            // Documents are never deleted, so the one that won the insert must be there.
            throw new IllegalStateException("The key document of contact " + id + " vanished while it was created");
        }
        // The winner's key, stored before this read: the commit that makes this command's events durable covers it.
        return existing;
    }

    /** A new key's document, the key sealed with the server key. */
    private Document newKey(String id) {
        return new Document("_id", id).append(SEALED_KEY, serverKey.seal(cipher.newKey()))
                                       .append(CREATED_AT, Date.from(clock.instant()));
    }

    private SecretKey keyOf(Document stored) {
        String sealed = stored.getString(SEALED_KEY);
        if (sealed != null) {
            return PersonalDataCipher.key(serverKey.open(sealed));
        }
        Binary key = stored.get(KEY, Binary.class);
        return key == null ? null : PersonalDataCipher.key(key.getData());
    }

    /**
     * Seals with the current server key every contact key that is not: kept in the clear by an older store, or sealed
     * with a key being rotated out. Each is replaced only as it was read, so a contact forgotten meanwhile stays so.
     * Reads the whole collection when there is something to do, once at start-up.
     *
     * @return how many keys were sealed again
     */
    int wrapWithTheCurrentServerKey() {
        Bson toSeal = serverKey.previous().isEmpty() ? Filters.exists(KEY)
                : Filters.or(Filters.exists(KEY), Filters.exists(SEALED_KEY));
        int sealed = 0;
        for (Document stored : documents.find(toSeal)) {
            String id = stored.getString("_id");
            Bson unchanged;
            byte[] key;
            if (stored.containsKey(KEY)) {
                key = stored.get(KEY, Binary.class).getData();
                unchanged = Filters.and(Filters.eq("_id", id), Filters.eq(KEY, stored.get(KEY)));
            } else if (serverKey.sealedWithPrevious(stored.getString(SEALED_KEY))) {
                key = serverKey.open(stored.getString(SEALED_KEY));
                unchanged = Filters.and(Filters.eq("_id", id), Filters.eq(SEALED_KEY, stored.getString(SEALED_KEY)));
            } else {
                continue;
            }
            sealed += (int) documents.updateOne(unchanged, Updates.combine(Updates.set(SEALED_KEY, serverKey.seal(key)), Updates.unset(KEY)))
                                     .getModifiedCount();
        }
        if (sealed > 0) {
            durability.makeDurable();
            log.info("Sealed {} contact keys with the current server key", sealed);
        }
        return sealed;
    }

    /** Least recently used first out; live keys expire, forgotten contacts do not. */
    private static final class Cache {

        private final long lifetimeNanos;
        private final LongSupplier nanoTime;
        private final Map<String, Entry> entries;

        Cache(int capacity, Duration lifetime, LongSupplier nanoTime) {
            this.lifetimeNanos = lifetime.toNanos();
            this.nanoTime = nanoTime;
            this.entries = new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                    return size() > capacity;
                }
            };
        }

        /** The cached entry, or null when there is none or it has expired. */
        synchronized Entry get(String id) {
            Entry entry = entries.get(id);
            if (entry != null && entry.key().isPresent() && nanoTime.getAsLong() - entry.cachedAt() > lifetimeNanos) {
                entries.remove(id);
                return null;
            }
            return entry;
        }

        /**
         * Caches what was read from the store, unless the contact was forgotten meanwhile: a key read just
         * before another thread forgot the contact must not come back into the cache.
         */
        synchronized Optional<SecretKey> put(String id, SecretKey keyOrNull) {
            Entry current = entries.get(id);
            if (current != null && current.key().isEmpty()) {
                return Optional.empty();
            }
            entries.put(id, new Entry(keyOrNull, nanoTime.getAsLong()));
            return Optional.ofNullable(keyOrNull);
        }

        synchronized void forget(String id) {
            entries.put(id, new Entry(null, nanoTime.getAsLong()));
        }

        /** A contact's key, or none when it is forgotten. Prints no key material. */
        private record Entry(SecretKey keyOrNull, long cachedAt) {

            Optional<SecretKey> key() {
                return Optional.ofNullable(keyOrNull);
            }

            @Override
            public String toString() {
                return keyOrNull == null ? "forgotten" : "key";
            }
        }
    }
}
