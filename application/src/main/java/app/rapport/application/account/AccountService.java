package app.rapport.application.account;

import app.rapport.application.account.AccountStorage.SignedInSession;
import app.rapport.application.account.AccountStorage.StoredAccount;
import app.rapport.application.storage.Store;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.OwnerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Signs people up and in, and tells whose a bearer token is. An account's id is the {@link OwnerId} that every
 * command and query of Rapport is scoped by.
 *
 * <p>Passwords are kept only as Argon2id hashes. Tokens are kept only as their SHA-256: a copy of the database
 * lets nobody sign in. Neither is ever logged.
 */
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private static final int TOKEN_BYTES = 32;
    /** Longer than any token this service issues (43 characters); spares hashing whatever else arrives. */
    private static final int MAX_TOKEN_LENGTH = 100;

    private final AccountStorage storage;
    private final AuthProperties properties;
    private final Clock clock;
    private final PasswordEncoder passwords;
    private final SecureRandom random = new SecureRandom();
    private final SignInThrottle throttle;
    /** Checked against when an email is unknown, so that such a sign-in takes as long as a wrong password. */
    private final String hashOfNoAccount;

    public AccountService(Store store, AuthProperties properties, Clock clock) {
        this(store, properties, clock, new BoundedPasswordHashing(argon2id(), Runtime.getRuntime().availableProcessors(),
                                                                  Duration.ofSeconds(5)));
    }

    AccountService(Store store, AuthProperties properties, Clock clock, PasswordEncoder passwords) {
        this(store, properties, clock, passwords, System::nanoTime);
    }

    /** @param nanoTime the clock that times how long a session read is kept ({@link AccountStorage}) */
    AccountService(Store store, AuthProperties properties, Clock clock, PasswordEncoder passwords, LongSupplier nanoTime) {
        this.storage = new AccountStorage(store, nanoTime);
        this.properties = properties;
        this.clock = clock;
        this.passwords = passwords;
        this.throttle = new SignInThrottle(clock);
        this.hashOfNoAccount = passwords.encode(newToken());
    }

    /**
     * Creates an account and signs it in.
     *
     * @throws app.rapport.domain.shared.InvalidInput naming the field whose value breaks a rule
     * @throws app.rapport.domain.shared.Conflict     on field {@code email} when an account has that email already
     */
    public SignedIn signUp(String email, String password, String displayName) {
        return signUp(email, password, displayName, null, null);
    }

    /**
     * Creates an account and signs it in; refused sign-ups from one address are rationed (an answer that an email is
     * taken tells who has an account).
     *
     * @param invitation    the invitation code, needed when the server takes sign-ups by invitation only
     * @param clientAddress where the request came from, or null when unknown
     * @throws TooManySignIns while the address must wait
     * @throws InvalidInput   on field {@code invitation} when one is needed and this is not one of the server's
     */
    public SignedIn signUp(String email, String password, String displayName, String invitation, String clientAddress) {
        throttle.attemptSignUp(clientAddress);
        if (!properties.invitationCodes().isEmpty() && !invited(invitation)) {
            throw new InvalidInput("invitation", invitation == null || invitation.isBlank()
                    ? "invitation is required: this server takes new accounts by invitation only"
                    : "invitation is not a code of this server");
        }
        String normalisedEmail = AccountInput.email(email);
        String checkedPassword = AccountInput.newPassword(password);
        String checkedDisplayName = AccountInput.displayName(displayName);

        Account account = new Account(new OwnerId(UUID.randomUUID().toString()), normalisedEmail, checkedDisplayName,
                                      clock.instant());
        storage.insert(account, passwords.encode(checkedPassword));
        throttle.signedUp(clientAddress);
        log.info("Account {} signed up", account.id());
        return issueToken(account);
    }

    /**
     * Signs in, slowed down after failures for the account or from the address ({@link SignInThrottle}).
     *
     * @param clientAddress where the request came from, or null when unknown
     * @throws Unauthenticated with one message whether the email is unknown or the password wrong
     * @throws TooManySignIns  while the account or the address must wait
     */
    public SignedIn signIn(String email, String password, String clientAddress) {
        if (email == null || password == null || password.length() > AccountInput.MAX_PASSWORD_LENGTH) {
            // No account can have such a password; nothing to hide by spending time on it.
            throw new Unauthenticated(Unauthenticated.WRONG_CREDENTIALS);
        }
        String normalisedEmail = AccountInput.normalisedEmail(email);
        throttle.attempt(normalisedEmail, clientAddress);
        Optional<StoredAccount> stored = storage.byEmail(normalisedEmail);
        String hash = stored.map(StoredAccount::passwordHash).orElse(hashOfNoAccount);
        boolean matches = passwords.matches(password, hash);
        if (stored.isEmpty() || !matches) {
            throw new Unauthenticated(Unauthenticated.WRONG_CREDENTIALS);
        }
        throttle.succeeded(normalisedEmail, clientAddress);
        storage.deleteExpiredSessionsOf(stored.get().account().id(), clock.instant());
        return issueToken(stored.get().account());
    }

    private boolean invited(String invitation) {
        if (invitation == null) {
            return false;
        }
        byte[] given = invitation.strip().getBytes(StandardCharsets.UTF_8);
        return properties.invitationCodes().stream()
                         .anyMatch(code -> MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8), given));
    }

    /** Ends the session of this token; true when there was one. */
    public boolean signOut(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return false;
        }
        boolean known = storage.session(hashOf(token)).isPresent();
        storage.endSession(hashOf(token));
        return known;
    }

    /** Removes expired sessions, which nothing else removes on a store without TTL indexes; answers how many. */
    public long deleteExpiredSessions() {
        return storage.deleteExpiredSessions(clock.instant());
    }

    /** Ends every session of the account, on every device. */
    public void signOutEverywhere(OwnerId account) {
        storage.deleteSessionsOf(account);
        log.info("Account {} signed out everywhere", account);
    }

    /**
     * Changes the password after checking the current one (throttled like a sign-in), ends every session, and signs
     * in anew.
     *
     * @throws InvalidInput on {@code currentPassword} when it is not the account's, on {@code newPassword} when it
     *                      breaks a rule
     */
    public SignedIn changePassword(OwnerId account, String currentPassword, String newPassword, String clientAddress) {
        Account current = storage.byId(account).orElseThrow(() -> new Unauthenticated(Unauthenticated.INVALID_TOKEN));
        String checked = AccountInput.newPassword("newPassword", newPassword);
        throttle.attempt(current.email(), clientAddress);
        String hash = storage.byEmail(current.email()).map(StoredAccount::passwordHash).orElse(hashOfNoAccount);
        if (currentPassword == null || currentPassword.length() > AccountInput.MAX_PASSWORD_LENGTH || !passwords.matches(currentPassword, hash)) {
            throw new InvalidInput("currentPassword", "currentPassword is not this account's password");
        }
        throttle.succeeded(current.email(), clientAddress);
        storage.updatePasswordHash(account, passwords.encode(checked));
        storage.deleteSessionsOf(account);
        log.info("Account {} changed its password; every session ended", account);
        return issueToken(current);
    }

    /**
     * Closes the account after checking its password (throttled like a sign-in): its sessions end and it can no longer
     * sign in; its email is free again. What it owns is erased by the caller (the account deletion).
     *
     * @throws InvalidInput on {@code password} when it is not the account's
     */
    public Account close(OwnerId account, String password, String clientAddress) {
        Account current = storage.byId(account).orElseThrow(() -> new Unauthenticated(Unauthenticated.INVALID_TOKEN));
        throttle.attempt(current.email(), clientAddress);
        String hash = storage.byEmail(current.email()).map(StoredAccount::passwordHash).orElse(hashOfNoAccount);
        if (password == null || password.length() > AccountInput.MAX_PASSWORD_LENGTH || !passwords.matches(password, hash)) {
            throw new InvalidInput("password", "password is not this account's password");
        }
        throttle.succeeded(current.email(), clientAddress);
        storage.delete(account);
        log.info("Account {} closed; what it owns is being erased", account);
        return current;
    }

    /**
     * The account a token was issued to. An expired token is refused and its session deleted.
     *
     * @throws Unauthenticated when the token is unknown or has expired
     */
    public Account authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new Unauthenticated(Unauthenticated.INVALID_TOKEN);
        }
        String tokenHash = hashOf(token);
        SignedInSession signedIn = storage.signedIn(tokenHash).orElseThrow(() -> new Unauthenticated(Unauthenticated.INVALID_TOKEN));
        if (!clock.instant().isBefore(signedIn.session().expiresAt())) {
            // Deleted here because nothing else would: TTL indexes expire nothing on the embedded store.
            storage.deleteSession(tokenHash);
            throw new Unauthenticated(Unauthenticated.INVALID_TOKEN);
        }
        return signedIn.account();
    }

    /** The account with this id, if there is one. */
    public Optional<Account> account(OwnerId id) {
        return storage.byId(id);
    }

    private SignedIn issueToken(Account account) {
        String token = newToken();
        Instant issuedAt = clock.instant();
        Instant expiresAt = issuedAt.plus(properties.tokenLifetime());
        storage.insertSession(hashOf(token), account.id(), issuedAt, expiresAt);
        return new SignedIn(token, account, expiresAt);
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A token has 256 random bits, so a plain hash suffices: there is nothing to guess, no need for a slow one. */
    static String hashOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * Argon2id with OWASP's recommended minimum (19 MiB of memory, 2 passes, 1 lane; 16-byte salt, 32-byte hash).
     * The parameters are stored inside each hash, so raising them later does not lock anybody out.
     */
    static PasswordEncoder argon2id() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }
}
