package app.rapport.application.account;

import app.rapport.application.account.AccountTestStore.Connection;
import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.DomainException;
import app.rapport.domain.shared.InvalidInput;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What accounts and sign-in promise, on every store the build can reach. */
abstract class AccountServiceContract {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration LIFETIME = Duration.ofHours(1);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final CountingPasswordEncoder passwords = new CountingPasswordEncoder(AccountService.argon2id());
    private AccountTestStore data;
    private Connection connection;
    private AccountService accounts;

    abstract AccountTestStore newStore();

    @BeforeEach
    void open() {
        data = newStore();
        connection = data.open();
        accounts = new AccountService(connection.store(), new AuthProperties(LIFETIME), clock, passwords);
    }

    @AfterEach
    void close() {
        connection.close();
        data.discard();
    }

    @Test
    void aNewAccountSignsInWithItsEmailInAnyCaseAndItsTokensNameIt() {
        SignedIn signedUp = accounts.signUp("  Ann.Lee@Example.ORG ", PASSWORD, "  Ann Lee ");

        assertThat(signedUp.account().email()).isEqualTo("ann.lee@example.org");
        assertThat(signedUp.account().displayName()).isEqualTo("Ann Lee");
        assertThat(signedUp.account().createdAt()).isEqualTo(clock.instant());
        assertThat(signedUp.expiresAt()).isEqualTo(clock.instant().plus(LIFETIME));
        assertThat(signedUp.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(accounts.authenticate(signedUp.token())).isEqualTo(signedUp.account());

        SignedIn signedIn = accounts.signIn("ANN.LEE@example.org", PASSWORD, null);
        assertThat(signedIn.token()).isNotEqualTo(signedUp.token());
        assertThat(signedIn.account()).isEqualTo(signedUp.account());
        assertThat(accounts.authenticate(signedIn.token())).isEqualTo(signedUp.account());
        assertThat(accounts.account(signedUp.account().id())).contains(signedUp.account());
        assertThat(signedIn.toString()).doesNotContain(signedIn.token());
    }

    @Test
    void everyAcknowledgedWriteIsMadeDurableBeforeItReturns() {
        int before = data.commits.get();
        accounts.signUp("ann@example.org", PASSWORD, "Ann");
        assertThat(data.commits.get() - before).as("commits for the account and its first session").isEqualTo(2);

        accounts.signIn("ann@example.org", PASSWORD, null);
        assertThat(data.commits.get() - before).as("and for the session of the sign-in").isEqualTo(3);
    }

    @Test
    void anAccountAndItsSessionsOutliveARestart() {
        SignedIn signedUp = accounts.signUp("ann@example.org", PASSWORD, "Ann");
        connection.close();

        connection = data.open();
        accounts = new AccountService(connection.store(), new AuthProperties(LIFETIME), clock, passwords);
        assertThat(accounts.authenticate(signedUp.token())).isEqualTo(signedUp.account());
        assertThat(accounts.signIn("ann@example.org", PASSWORD, null).account()).isEqualTo(signedUp.account());
    }

    @Test
    void anEmailTakenInAnotherCaseIsAConflictOnTheEmailField() {
        accounts.signUp("ann@example.org", PASSWORD, "Ann");

        Conflict conflict = catchThrowableOfType(Conflict.class,
                                                 () -> accounts.signUp(" ANN@Example.org", "another password", "Other Ann"));

        assertThat(conflict.field()).isEqualTo("email");
        assertThat(conflict).hasMessageContaining("exists already");
        assertThat(accounts.signIn("ann@example.org", PASSWORD, null).account().displayName()).isEqualTo("Ann");
    }

    @Test
    void ofSignUpsRacingForOneEmailExactlyOneWins() throws Exception {
        // A quick hash instead of Argon2id, so that the racers reach the store at the same moment.
        AccountService racing = new AccountService(connection.store(), new AuthProperties(LIFETIME), clock, new QuickHashes());
        int racers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 10; round++) {
                String email = "race" + round + "@example.org";
                CountDownLatch start = new CountDownLatch(1);
                List<Future<SignedIn>> outcomes = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    String spelling = i % 2 == 0 ? email : email.toUpperCase();
                    String name = "Racer " + i;
                    Callable<SignedIn> signUp = () -> {
                        start.await();
                        return racing.signUp(spelling, PASSWORD, name);
                    };
                    outcomes.add(threads.submit(signUp));
                }
                start.countDown();

                int won = 0;
                int conflicts = 0;
                for (Future<SignedIn> outcome : outcomes) {
                    try {
                        outcome.get(60, TimeUnit.SECONDS);
                        won++;
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(Conflict.class);
                        conflicts++;
                    }
                }
                assertThat(won).as("round %d", round).isEqualTo(1);
                assertThat(conflicts).isEqualTo(racers - 1);
                assertThat(accountDocuments().countDocuments(Filters.eq("email", email))).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswerAfterTheSameWork() {
        accounts.signUp("ann@example.org", PASSWORD, "Ann");

        int checksBefore = passwords.checks.get();
        assertThatThrownBy(() -> accounts.signIn("ann@example.org", "wrong password", null))
                .isInstanceOf(Unauthenticated.class).hasMessage("email or password is wrong");
        assertThat(passwords.checks.get() - checksBefore).isEqualTo(1);

        assertThatThrownBy(() -> accounts.signIn("nobody@example.org", PASSWORD, null))
                .isInstanceOf(Unauthenticated.class).hasMessage("email or password is wrong");
        assertThat(passwords.checks.get() - checksBefore).as("an unknown email still costs a hash check").isEqualTo(2);
    }

    @Test
    void aTokenIsRefusedOnceItExpiresAndItsSessionIsDeleted() {
        SignedIn signedUp = accounts.signUp("ann@example.org", PASSWORD, "Ann");

        clock.advance(LIFETIME.minusSeconds(1));
        assertThat(accounts.authenticate(signedUp.token())).isEqualTo(signedUp.account());
        assertThat(sessionDocuments().countDocuments()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> accounts.authenticate(signedUp.token()))
                .isInstanceOf(Unauthenticated.class).hasMessageContaining("sign in again");
        assertThat(sessionDocuments().countDocuments()).isZero();

        SignedIn again = accounts.signIn("ann@example.org", PASSWORD, null);
        assertThat(accounts.authenticate(again.token())).isEqualTo(signedUp.account());
    }

    @Test
    void expiredSessionsAreSweptAwayWithoutBeingPresentedAgain() {
        SignedIn old = accounts.signUp("ann@example.org", PASSWORD, "Ann");
        clock.advance(LIFETIME.minusSeconds(60));
        SignedIn recent = accounts.signIn("ann@example.org", PASSWORD, null);
        clock.advance(Duration.ofSeconds(60));

        assertThat(accounts.deleteExpiredSessions()).isEqualTo(1);

        assertThat(sessionDocuments().countDocuments()).isEqualTo(1);
        assertThat(accounts.authenticate(recent.token()).id()).isEqualTo(old.account().id());
    }

    @Test
    void signingOutEndsOneSessionAndSigningOutEverywhereEndsThemAll() {
        SignedIn first = accounts.signUp("ann@example.org", PASSWORD, "Ann");
        SignedIn second = accounts.signIn("ann@example.org", PASSWORD, null);
        SignedIn third = accounts.signIn("ann@example.org", PASSWORD, null);
        SignedIn other = accounts.signUp("bo@example.org", PASSWORD, "Bo");
        // Each read once: what was read and kept ends with the session all the same.
        List.of(first, second, third).forEach(signedIn -> accounts.authenticate(signedIn.token()));

        assertThat(accounts.signOut(first.token())).isTrue();
        assertThat(accounts.signOut(first.token())).isFalse();
        assertThatThrownBy(() -> accounts.authenticate(first.token())).isInstanceOf(Unauthenticated.class);
        assertThat(accounts.authenticate(second.token()).id()).isEqualTo(first.account().id());

        accounts.signOutEverywhere(first.account().id());

        assertThatThrownBy(() -> accounts.authenticate(second.token())).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> accounts.authenticate(third.token())).isInstanceOf(Unauthenticated.class);
        assertThat(accounts.authenticate(other.token()).id()).as("another account's session").isEqualTo(other.account().id());
    }

    @Test
    void aSignOutThroughAnotherServerIsSeenOnceASecondHasPassed() {
        AtomicLong nanos = new AtomicLong();
        AccountService here = new AccountService(connection.store(), new AuthProperties(LIFETIME), clock, passwords, nanos::get);
        SignedIn ann = accounts.signUp("ann@example.org", PASSWORD, "Ann");
        assertThat(here.authenticate(ann.token()).id()).isEqualTo(ann.account().id());

        accounts.signOut(ann.token());

        nanos.addAndGet(AccountStorage.SEEN_WITHIN.toNanos() - 1);
        assertThat(here.authenticate(ann.token()).id()).as("read within the second: kept").isEqualTo(ann.account().id());
        nanos.addAndGet(1);
        assertThatThrownBy(() -> here.authenticate(ann.token())).isInstanceOf(Unauthenticated.class);
    }

    @Test
    void byInvitationOnlyASignUpNeedsOneOfTheServersCodes() {
        AccountService invitational = new AccountService(connection.store(), new AuthProperties(LIFETIME, List.of("cohort-2027", " career-fair ")),
                                                         clock, passwords);

        assertThatThrownBy(() -> invitational.signUp("ann@example.org", PASSWORD, "Ann", null, null))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("invitation"))
                .hasMessageContaining("by invitation only");
        assertThatThrownBy(() -> invitational.signUp("ann@example.org", PASSWORD, "Ann", "cohort-2026", null))
                .hasMessage("invitation is not a code of this server");
        assertThat(accountDocuments().countDocuments()).isZero();

        assertThat(invitational.signUp("ann@example.org", PASSWORD, "Ann", "career-fair", null).account().email()).isEqualTo("ann@example.org");
    }

    @Test
    void unknownAndMalformedTokensAreRefused() {
        SignedIn signedUp = accounts.signUp("ann@example.org", PASSWORD, "Ann");

        for (String token : new String[] {null, "", "not-a-token", signedUp.token() + "x", "x".repeat(10_000),
                                          AccountService.hashOf(signedUp.token())}) {
            assertThatThrownBy(() -> accounts.authenticate(token)).isInstanceOf(Unauthenticated.class);
        }
    }

    @Test
    void theStoreKeepsNeitherThePasswordNorTheToken() {
        SignedIn signedUp = accounts.signUp("ann@example.org", PASSWORD, "Ann");
        SignedIn signedIn = accounts.signIn("ann@example.org", PASSWORD, null);

        Document account = accountDocuments().find(Filters.eq("_id", signedUp.account().id().value())).first();
        assertThat(account).isNotNull();
        assertThat(account.keySet()).containsExactlyInAnyOrder("_id", "email", "displayName", "passwordHash", "createdAt");
        assertThat(account.getString("passwordHash")).startsWith("$argon2id$");
        assertThat(account.toJson()).doesNotContain(PASSWORD);

        List<Document> sessions = sessionDocuments().find().into(new ArrayList<>());
        assertThat(sessions).hasSize(2);
        for (Document session : sessions) {
            assertThat(session.keySet()).containsExactlyInAnyOrder("_id", "accountId", "issuedAt", "expiresAt");
            assertThat(session.toJson()).doesNotContain(signedUp.token()).doesNotContain(signedIn.token());
        }
        assertThat(sessions).extracting(session -> session.getString("_id"))
                            .containsExactlyInAnyOrder(AccountService.hashOf(signedUp.token()),
                                                       AccountService.hashOf(signedIn.token()));
    }

    @Test
    void invalidSignUpsNameTheFieldAndCreateNothing() {
        assertInvalid("email", null, PASSWORD, "Ann", "email is required");
        assertInvalid("email", "ann.example.org", PASSWORD, "Ann", "email must look like name@example.org");
        assertInvalid("email", "ann@example", PASSWORD, "Ann", "email must look like name@example.org");
        assertInvalid("email", "ann lee@example.org", PASSWORD, "Ann", "email must look like name@example.org");
        assertInvalid("email", "a".repeat(250) + "@example.org", PASSWORD, "Ann", "email must be at most 254 characters, was 262");
        assertInvalid("password", "ann@example.org", "123456789", "Ann", "password must be at least 10 characters, was 9");
        assertInvalid("password", "ann@example.org", null, "Ann", "password is required");
        assertInvalid("password", "ann@example.org", "p".repeat(201), "Ann", "password must be at most 200 characters, was 201");
        assertInvalid("displayName", "ann@example.org", PASSWORD, "   ", "displayName must not be blank");
        assertInvalid("displayName", "ann@example.org", PASSWORD, "n".repeat(101), "displayName must be at most 100 characters, was 101");

        assertThat(accountDocuments().countDocuments()).isZero();
        assertThat(sessionDocuments().countDocuments()).isZero();
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        String longestEmail = "a".repeat(242) + "@example.org";
        String longestPassword = "pale blue ".repeat(20);
        SignedIn signedUp = accounts.signUp(longestEmail, longestPassword, "n".repeat(100));

        assertThat(signedUp.account().email()).hasSize(254);
        assertThat(accounts.signIn(longestEmail, longestPassword, null).account()).isEqualTo(signedUp.account());
        assertThat(accounts.signUp("bo@example.org", "plum tree7", "Bo").account().displayName()).isEqualTo("Bo");
    }

    private void assertInvalid(String field, String email, String password, String displayName, String message) {
        DomainException refused = catchThrowableOfType(InvalidInput.class, () -> accounts.signUp(email, password, displayName));
        assertThat(refused).as("sign-up refused for %s", field).isNotNull();
        assertThat(refused.field()).isEqualTo(field);
        assertThat(refused).hasMessage(message);
    }

    private MongoCollection<Document> accountDocuments() {
        return connection.store().database().getCollection(AccountStorage.ACCOUNTS);
    }

    private MongoCollection<Document> sessionDocuments() {
        return connection.store().database().getCollection(AccountStorage.SESSIONS);
    }

    /** Stands in for Argon2id where only the store is under test; not a way to keep passwords. */
    private static final class QuickHashes implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawPassword) {
            return "quick:" + AccountService.hashOf(rawPassword.toString());
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return encode(rawPassword).equals(encodedPassword);
        }
    }

    /** The real Argon2id encoder, counting its checks. */
    private static final class CountingPasswordEncoder implements PasswordEncoder {

        final AtomicInteger checks = new AtomicInteger();
        private final PasswordEncoder delegate;

        CountingPasswordEncoder(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return delegate.matches(rawPassword, encodedPassword);
        }
    }
}
