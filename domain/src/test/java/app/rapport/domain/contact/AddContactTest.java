package app.rapport.domain.contact;

import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.NotFound;
import app.rapport.domain.testing.FakeContactDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static app.rapport.domain.testing.Refusals.refused;
import static app.rapport.domain.testing.Samples.ADA;
import static app.rapport.domain.testing.Samples.BOBS_GRACE;
import static app.rapport.domain.testing.Samples.GRACE;
import static app.rapport.domain.testing.Samples.LINUS;
import static app.rapport.domain.testing.Samples.NOW;
import static app.rapport.domain.testing.Samples.daysAgo;
import static app.rapport.domain.testing.Samples.daysAhead;

class AddContactTest {

    private final FakeContactDirectory directory = new FakeContactDirectory();
    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerInjectableResource(directory);
    }

    @Test
    void addingAContactRecordsEveryDetailTrimmed() {
        fixture.givenCurrentTime(NOW)
               .when(new AddContact(GRACE, "  Grace ", "Hopper", "GRAYS HOP-er", "Dr.", "Rear Admiral", "US Navy",
                                    List.of(" grace@navy.example "), List.of("+1 (555) 010-2030 x12"),
                                    "https://www.linkedin.com/in/grace", ContactSource.CAREER_FAIR,
                                    "Booth 12 at the spring fair", List.of("computing", " compilers "), null, false))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ContactAdded(GRACE, "Grace", "Hopper", "GRAYS HOP-er", "Dr.", "Rear Admiral", "US Navy",
                                              List.of("grace@navy.example"), List.of("+1 (555) 010-2030 x12"),
                                              "https://www.linkedin.com/in/grace", ContactSource.CAREER_FAIR,
                                              "Booth 12 at the spring fair", List.of("computing", "compilers"), null,
                                              false, NOW));
    }

    @Test
    void blankOptionalFieldsAreRecordedAsAbsent() {
        fixture.givenCurrentTime(NOW)
               .when(contact(GRACE, "Grace").familyName("  ").emails(null).build())
               .expectEvents(new ContactAdded(GRACE, "Grace", null, null, null, null, null, List.of(), List.of(), null,
                                              ContactSource.OTHER, null, List.of(), null, false, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aContactNeedsAGivenName(String givenName) {
        fixture.givenNoPriorActivity()
               .when(contact(GRACE, givenName).build())
               .expectException(refused(InvalidInput.class, "givenName"))
               .expectExceptionMessage("givenName must not be blank");
    }

    @Test
    void namesAreAtMost200Characters() {
        fixture.givenNoPriorActivity()
               .when(contact(GRACE, "Grace").familyName("x".repeat(201)).build())
               .expectException(refused(InvalidInput.class, "familyName"))
               .expectExceptionMessage("familyName must be at most 200 characters, was 201");
    }

    @Test
    void aSalutationIsShort() {
        fixture.givenNoPriorActivity()
               .when(contact(GRACE, "Grace").salutation("D".repeat(51)).build())
               .expectException(refused(InvalidInput.class, "salutation"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"grace", "grace@", "@navy.example", "grace@navy", "grace hopper@navy.example"})
    void emailsMustLookLikeEmailAddresses(String email) {
        fixture.givenNoPriorActivity()
               .when(contact(GRACE, "Grace").emails(List.of("ok@navy.example", email)).build())
               .expectException(refused(InvalidInput.class, "emails"))
               .expectExceptionMessage("emails[1] must look like an email address, such as name@example.org");
    }

    @Test
    void emailsThatDifferOnlyInCaseAreOne() {
        fixture.givenCurrentTime(NOW)
               .when(contact(GRACE, "Grace").emails(List.of("Grace@Navy.example", "grace@navy.example")).build())
               .expectEvents(new ContactAdded(GRACE, "Grace", null, null, null, null, null,
                                              List.of("Grace@Navy.example"), List.of(), null,
                                              ContactSource.OTHER, null, List.of(), null, false, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "12", "+1 555 CALL NOW"})
    void phonesMustBePhoneNumbers(String phone) {
        fixture.givenNoPriorActivity()
               .when(contact(GRACE, "Grace").phones(List.of(phone)).build())
               .expectException(refused(InvalidInput.class, "phones"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"linkedin.com/in/grace", "ftp://linkedin.com/in/grace", "https://example.org/in/grace",
            "https://linkedin.com.example.org/in/grace", "https://notlinkedin.com/in/grace", "not a url at all"})
    void theLinkedInAddressIsAnHttpAddressOnLinkedIn(String url) {
        fixture.givenNoPriorActivity()
               .when(contact(GRACE, "Grace").linkedinUrl(url).build())
               .expectException(refused(InvalidInput.class, "linkedinUrl"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.linkedin.com/in/grace", "http://linkedin.com/in/grace",
            "https://de.linkedin.com/in/grace?trk=x"})
    void linkedInAddressesOnAnyLinkedInHostAreAccepted(String url) {
        fixture.givenNoPriorActivity()
               .when(contact(GRACE, "Grace").linkedinUrl(url).build())
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void tagsAreTrimmedAndDistinct() {
        fixture.givenCurrentTime(NOW)
               .when(contact(GRACE, "Grace").tags(List.of(" Navy ", "navy", "compilers", "NAVY")).build())
               .expectEvents(new ContactAdded(GRACE, "Grace", null, null, null, null, null, List.of(), List.of(),
                                              null, ContactSource.OTHER, null, List.of("Navy", "compilers"), null,
                                              false, NOW));
    }

    @Test
    void blankTagsAreRefused() {
        fixture.givenNoPriorActivity()
               .when(contact(GRACE, "Grace").tags(Arrays.asList("navy", " ")).build())
               .expectException(refused(InvalidInput.class, "tags"))
               .expectExceptionMessage("tags[1] must not be blank");
    }

    @Test
    void aContactHasASource() {
        fixture.givenNoPriorActivity()
               .when(contact(GRACE, "Grace").source(null).build())
               .expectException(refused(InvalidInput.class, "source"));
    }

    @Test
    void referralSourceRequiresAnIntroducer() {
        fixture.givenNoPriorActivity()
               .when(contact(GRACE, "Grace").source(ContactSource.REFERRAL).build())
               .expectException(refused(InvalidInput.class, "referredById"));
    }

    @Test
    void aReferredContactRemembersItsIntroducerAndTheirPermission() {
        directory.knows(ADA);
        fixture.givenCurrentTime(NOW)
               .when(contact(GRACE, "Grace").source(ContactSource.REFERRAL).referredBy(ADA, true).build())
               .expectEvents(new ContactAdded(GRACE, "Grace", null, null, null, null, null, List.of(), List.of(),
                                              null, ContactSource.REFERRAL, null, List.of(), ADA, true, NOW));
    }

    @Test
    void permissionToUseAnIntroducersNameNeedsAnIntroducer() {
        fixture.givenCurrentTime(NOW)
               .when(contact(GRACE, "Grace").referredBy(null, true).build())
               .expectEvents(new ContactAdded(GRACE, "Grace", null, null, null, null, null, List.of(), List.of(),
                                              null, ContactSource.OTHER, null, List.of(), null, false, NOW));
    }

    @Test
    void theIntroducerMustBeAnExistingContact() {
        fixture.givenNoPriorActivity()
               .when(contact(GRACE, "Grace").source(ContactSource.REFERRAL).referredBy(LINUS, false).build())
               .expectException(refused(NotFound.class, "referredById"));
    }

    @Test
    void theIntroducerMustNotBeForgotten() {
        directory.forgets(ADA);
        fixture.givenNoPriorActivity()
               .when(contact(GRACE, "Grace").source(ContactSource.REFERRAL).referredBy(ADA, false).build())
               .expectException(refused(NotFound.class, "referredById"));
    }

    @Test
    void theIntroducerMustBelongToTheSameOwner() {
        directory.knows(BOBS_GRACE);
        fixture.givenNoPriorActivity()
               .when(contact(ADA, "Ada").source(ContactSource.REFERRAL).referredBy(BOBS_GRACE, true).build())
               .expectException(refused(NotFound.class, "referredById"));
    }

    @Test
    void aContactCannotIntroduceThemselves() {
        directory.knows(GRACE);
        fixture.givenNoPriorActivity()
               .when(contact(GRACE, "Grace").source(ContactSource.REFERRAL).referredBy(GRACE, true).build())
               .expectException(refused(InvalidInput.class, "referredById"));
    }

    @Test
    void aConnectionMadeLongAgoJoinsTheNetworkOnItsDay() {
        fixture.givenCurrentTime(NOW)
               .when(contact(GRACE, "Grace").source(ContactSource.LINKEDIN).addedAt(daysAgo(400)).build())
               .expectEvents(new ContactAdded(GRACE, "Grace", null, null, null, null, null, List.of(), List.of(), null,
                                              ContactSource.LINKEDIN, null, List.of(), null, false, daysAgo(400)));
    }

    @Test
    void aContactCannotJoinTheNetworkInTheFuture() {
        fixture.givenCurrentTime(NOW)
               .when(contact(GRACE, "Grace").addedAt(daysAhead(2)).build())
               .expectException(refused(InvalidInput.class, "addedAt"));
    }

    static AddContactBuilder contact(ContactId id, String givenName) {
        return new AddContactBuilder(id, givenName);
    }

    /** An AddContact with only what a test cares about. */
    static final class AddContactBuilder {
        private final ContactId id;
        private final String givenName;
        private String familyName;
        private String salutation;
        private List<String> emails = List.of();
        private List<String> phones = List.of();
        private String linkedinUrl;
        private ContactSource source = ContactSource.OTHER;
        private List<String> tags = List.of();
        private ContactId referredBy;
        private boolean mayUseIntroducerName;
        private Instant addedAt;

        AddContactBuilder(ContactId id, String givenName) {
            this.id = id;
            this.givenName = givenName;
        }

        AddContactBuilder familyName(String value) { familyName = value; return this; }
        AddContactBuilder salutation(String value) { salutation = value; return this; }
        AddContactBuilder emails(List<String> value) { emails = value; return this; }
        AddContactBuilder phones(List<String> value) { phones = value; return this; }
        AddContactBuilder linkedinUrl(String value) { linkedinUrl = value; return this; }
        AddContactBuilder source(ContactSource value) { source = value; return this; }
        AddContactBuilder tags(List<String> value) { tags = value; return this; }
        AddContactBuilder addedAt(Instant value) { addedAt = value; return this; }

        AddContactBuilder referredBy(ContactId introducer, boolean mayUseName) {
            referredBy = introducer;
            mayUseIntroducerName = mayUseName;
            return this;
        }

        AddContact build() {
            return new AddContact(id, givenName, familyName, null, salutation, null, null, emails, phones,
                                  linkedinUrl, source, null, tags, referredBy, mayUseIntroducerName, addedAt);
        }
    }
}
