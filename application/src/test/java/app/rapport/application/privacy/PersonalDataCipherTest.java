package app.rapport.application.privacy;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    private final PersonalDataCipher cipher = new PersonalDataCipher();
    private final SecretKey key = PersonalDataCipher.key(cipher.newKey());
    private final byte[] plaintext = "\"Augusta Ada King\"".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealsIntoTheVersionedFormatAndOpensAgain() {
        String sealed = cipher.seal(key, plaintext);

        assertThat(sealed).startsWith("pd1:").doesNotContain("Augusta");
        // 12 bytes of nonce, the ciphertext as long as the plaintext, a 16-byte tag.
        assertThat(Base64.getDecoder().decode(sealed.substring(4))).hasSize(12 + plaintext.length + 16);
        assertThat(cipher.open(key, sealed)).isEqualTo(plaintext);
    }

    @Test
    void sealingTheSameValueTwiceGivesDifferentCiphertexts() {
        assertThat(cipher.seal(key, plaintext)).isNotEqualTo(cipher.seal(key, plaintext));
    }

    @Test
    void anotherKeyOrADamagedValueCannotBeOpenedAndTheErrorShowsNeither() {
        String sealed = cipher.seal(key, plaintext);
        SecretKey otherKey = PersonalDataCipher.key(cipher.newKey());
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(4));
        bytes[bytes.length - 1] ^= 1;
        String damaged = "pd1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.open(otherKey, sealed))
                .isInstanceOf(PersonalDataCipher.UnreadableValueException.class)
                .hasMessageNotContaining(sealed.substring(4));
        assertThatThrownBy(() -> cipher.open(key, damaged)).isInstanceOf(PersonalDataCipher.UnreadableValueException.class);
        assertThatThrownBy(() -> cipher.open(key, "pd1:!!")).isInstanceOf(PersonalDataCipher.UnreadableValueException.class);
        assertThatThrownBy(() -> cipher.open(key, "pd1:AAAA")).isInstanceOf(PersonalDataCipher.UnreadableValueException.class);
        assertThatThrownBy(() -> cipher.open(key, "Augusta")).isInstanceOf(PersonalDataCipher.UnreadableValueException.class);
    }

    @Test
    void oneThreadSealsAndOpensValuesOfManyKeysInTurnAndAfterAFailure() {
        SecretKey otherKey = PersonalDataCipher.key(cipher.newKey());
        byte[] other = "\"Grace Hopper\"".getBytes(StandardCharsets.UTF_8);
        String sealed = cipher.seal(key, plaintext);
        String sealedOther = cipher.seal(otherKey, other);

        for (int round = 0; round < 3; round++) {
            assertThat(cipher.open(key, sealed)).isEqualTo(plaintext);
            assertThatThrownBy(() -> cipher.open(key, sealedOther)).isInstanceOf(PersonalDataCipher.UnreadableValueException.class);
            assertThat(cipher.open(otherKey, sealedOther)).isEqualTo(other);
            assertThat(cipher.open(key, cipher.seal(key, other))).isEqualTo(other);
        }
    }

    @Test
    void keysAreAes256AndDifferEachTime() {
        assertThat(cipher.newKey()).hasSize(32).isNotEqualTo(cipher.newKey());
        assertThatThrownBy(() -> PersonalDataCipher.key(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
