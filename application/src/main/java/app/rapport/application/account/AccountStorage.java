package app.rapport.application.account;

import app.rapport.application.storage.AppendDurability;
import app.rapport.application.storage.RecentReads;
import app.rapport.application.storage.Store;
import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.OwnerId;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Accounts and sessions in MongoDB. Every read is an exact match on {@code _id} or on the unique email index,
 * the only lookups the embedded store serves without scanning the collection.
 * <p>
 * Every request asks whose its token is, so a session and its account, once read, are kept for {@link #SEEN_WITHIN}:
 * a sign-out, password change or account deletion through this server ends them at once; through another server of
 * a cluster, within that time.
 */
final class AccountStorage {

    static final String ACCOUNTS = "accounts";
    static final String SESSIONS = "sessions";
    static final String EMAIL_INDEX = "email_unique";

    private final MongoCollection<Document> accounts;
    private final MongoCollection<Document> sessions;
    private final AppendDurability durability;
    private final RecentReads<String, SignedInSession> signedIn;

    static final Duration SEEN_WITHIN = Duration.ofSeconds(1);
    private static final int REMEMBERED = 10_000;

    AccountStorage(Store store) {
        this(store, System::nanoTime);
    }

    AccountStorage(Store store, LongSupplier nanoTime) {
        this.signedIn = new RecentReads<>(SEEN_WITHIN, REMEMBERED, nanoTime);
        // On a real MongoDB an acknowledged sign-up is on a majority's journal; the embedded store is committed
        // after each write instead (see makeDurable below).
        WriteConcern durable = WriteConcern.MAJORITY.withJournal(true);
        this.accounts = store.database().getCollection(ACCOUNTS).withWriteConcern(durable);
        this.sessions = store.database().getCollection(SESSIONS).withWriteConcern(durable);
        this.durability = store.durability();
        // The unique index is what keeps two racing sign-ups with one email from both succeeding.
        accounts.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).name(EMAIL_INDEX));
    }

    /** Stores a new account; a taken email is a {@link Conflict}, also when the other sign-up is racing this one. */
    void insert(Account account, String passwordHash) {
        Document document = new Document("_id", account.id().value())
                .append("email", account.email())
                .append("displayName", account.displayName())
                .append("passwordHash", passwordHash)
                .append("createdAt", Date.from(account.createdAt()));
        try {
            accounts.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY && e.getError().getMessage().contains(EMAIL_INDEX)) {
                throw new Conflict("email", "An account with this email exists already: sign in instead");
            }
            throw e;
        }
        durability.makeDurable();
    }

    /** Deletes the account and all its sessions. */
    void delete(OwnerId account) {
        sessions.deleteMany(Filters.eq("accountId", account.value()));
        accounts.deleteOne(Filters.eq("_id", account.value()));
        durability.makeDurable();
        signedIn.changedAll();
    }

    Optional<StoredAccount> byEmail(String normalisedEmail) {
        return Optional.ofNullable(accounts.find(Filters.eq("email", normalisedEmail)).first()).map(AccountStorage::storedAccount);
    }

    Optional<Account> byId(OwnerId id) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", id.value())).first())
                       .map(document -> storedAccount(document).account());
    }

    void insertSession(String tokenHash, OwnerId account, Instant issuedAt, Instant expiresAt) {
        sessions.insertOne(new Document("_id", tokenHash)
                                   .append("accountId", account.value())
                                   .append("issuedAt", Date.from(issuedAt))
                                   .append("expiresAt", Date.from(expiresAt)));
        durability.makeDurable();
    }

    /** The session of a token and the account it signs in, each as stored, or empty when either is not. */
    Optional<SignedInSession> signedIn(String tokenHash) {
        return Optional.ofNullable(signedIn.get(tokenHash, hash -> session(hash)
                .flatMap(session -> byId(session.account()).map(account -> new SignedInSession(session, account)))
                .orElse(null)));
    }

    Optional<Session> session(String tokenHash) {
        return Optional.ofNullable(sessions.find(Filters.eq("_id", tokenHash)).first())
                       .map(document -> new Session(tokenHash,
                                                    new OwnerId(document.getString("accountId")),
                                                    document.getDate("expiresAt").toInstant()));
    }

    /**
     * Removes an expired session. Not committed on the embedded store: if a crash loses the delete, the session
     * is still expired and goes at its next lookup.
     */
    void deleteSession(String tokenHash) {
        sessions.deleteOne(Filters.eq("_id", tokenHash));
        signedIn.changed(tokenHash);
    }

    /** Ends one session for good: signed out. */
    void endSession(String tokenHash) {
        sessions.deleteOne(Filters.eq("_id", tokenHash));
        durability.makeDurable();
        signedIn.changed(tokenHash);
    }

    /** Ends every session of the account: signed out everywhere. */
    void deleteSessionsOf(OwnerId account) {
        sessions.deleteMany(Filters.eq("accountId", account.value()));
        durability.makeDurable();
        signedIn.changedAll();
    }

    /** Removes the account's sessions that have expired (the embedded store has no TTL index to do it). */
    void deleteExpiredSessionsOf(OwnerId account, Instant now) {
        sessions.deleteMany(Filters.and(Filters.eq("accountId", account.value()), Filters.lte("expiresAt", Date.from(now))));
    }

    /** Removes every expired session; answers how many. */
    long deleteExpiredSessions(Instant now) {
        return sessions.deleteMany(Filters.lte("expiresAt", Date.from(now))).getDeletedCount();
    }

    void updatePasswordHash(OwnerId account, String passwordHash) {
        accounts.updateOne(Filters.eq("_id", account.value()), Updates.set("passwordHash", passwordHash));
        durability.makeDurable();
    }

    private static StoredAccount storedAccount(Document document) {
        Account account = new Account(new OwnerId(document.getString("_id")),
                                      document.getString("email"),
                                      document.getString("displayName"),
                                      document.getDate("createdAt").toInstant());
        return new StoredAccount(account, document.getString("passwordHash"));
    }

    record StoredAccount(Account account, String passwordHash) {

        @Override
        public String toString() {
            return "StoredAccount[" + account.id() + "]";
        }
    }

    record Session(String tokenHash, OwnerId account, Instant expiresAt) {
    }

    record SignedInSession(Session session, Account account) {
    }
}
