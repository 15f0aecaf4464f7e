package app.rapport.domain.shared;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.interview.ReferralId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifiersTest {

    private static final OwnerId ALICE = new OwnerId("alice");
    private static final OwnerId BOB = new OwnerId("bob");

    @Test
    void theAggregateIdentifierCarriesTheOwner() {
        assertThat(new ContactId(ALICE, "c-1")).hasToString("alice/c-1");
        assertThat(new InterviewId(ALICE, "i-1")).hasToString("alice/i-1");
        assertThat(new ReferralId(ALICE, "r-1")).hasToString("alice/r-1");
    }

    @Test
    void twoUsersChoosingTheSameIdNameTwoDifferentAggregates() {
        assertThat(new ContactId(ALICE, "c-1").toString()).isNotEqualTo(new ContactId(BOB, "c-1").toString());
        assertThat(new ContactId(ALICE, "c-1")).isNotEqualTo(new ContactId(BOB, "c-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"c-1", "C_2", "linkedin:12.3", "0"})
    void clientIdsOfLettersDigitsAndSafePunctuationAreAccepted(String value) {
        assertThat(new ContactId(ALICE, value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "a/b", "a b", "<script>", "c-1\n", "ü"})
    void clientIdsWithAnythingElseAreRefusedNamingTheIdField(String value) {
        assertThatThrownBy(() -> new ContactId(ALICE, value))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("id"))
                .hasMessageStartingWith("id ");
        assertThatThrownBy(() -> new InterviewId(ALICE, value)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new ReferralId(ALICE, value)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void clientIdsAreAtMostOneHundredCharacters() {
        assertThat(new ContactId(ALICE, "x".repeat(100)).value()).hasSize(100);
        assertThatThrownBy(() -> new ContactId(ALICE, "x".repeat(101)))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("id must be at most 100 characters, was 101");
    }

    @Test
    void everyIdHasAnOwner() {
        assertThatThrownBy(() -> new ContactId(null, "c-1")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new OwnerId(" ")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void generatedIdsAreValidDistinctAndOwned() {
        ContactId first = ContactId.generate(ALICE);
        ContactId second = ContactId.generate(ALICE);
        assertThat(first).isNotEqualTo(second);
        assertThat(first.owner()).isEqualTo(ALICE);
        assertThat(InterviewId.generate(BOB).owner()).isEqualTo(BOB);
        assertThat(ReferralId.generate(BOB).value()).hasSize(36);
    }

    @Test
    void anIdIsReadBackFromItsKeyWithItsOwner() {
        OwnerId withSlash = new OwnerId("team/alice"); // an owner may hold '/'; a value never does
        ContactId contact = new ContactId(withSlash, "c-1");

        assertThat(Identifiers.fromKey(contact.toString(), ContactId::new)).isEqualTo(contact);
        assertThat(Identifiers.fromKey(new InterviewId(ALICE, "i-1").toString(), InterviewId::new)).isEqualTo(new InterviewId(ALICE, "i-1"));
        assertThat(Identifiers.ownerOfKey(contact.toString())).isEqualTo(withSlash);
        assertThat(Identifiers.<ContactId>fromKey(null, ContactId::new)).isNull();
        assertThatThrownBy(() -> Identifiers.ownerOfKey("c-1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<owner>/<value>");
    }
}
