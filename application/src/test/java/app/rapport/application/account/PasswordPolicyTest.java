package app.rapport.application.account;

import app.rapport.domain.shared.InvalidInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaa", "1234567890", "          ", "ababababab", "qwertyuiop", "ASDFGHJKL1", "Password123",
                            "abcdefghijkl", "0987654321", "\t\t\t\t\t\t\t\t\t\t", "correcthorsebatterystaple"})
    void aPasswordAnyoneWouldGuessIsRefusedSayingWhy(String password) {
        assertThatThrownBy(() -> AccountInput.newPassword(password))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("password"))
                .hasMessageContaining("choose a longer phrase");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a long enough secret", "plum tree7", "Maya's 3 informational interviews", "zweiundvierzig!"})
    void aPasswordOnlyItsOwnerWouldThinkOfIsTaken(String password) {
        assertThat(AccountInput.newPassword(password)).isEqualTo(password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "short"})
    void aNewPasswordIsRefusedUnderTheNameOfItsField(String password) {
        assertThatThrownBy(() -> AccountInput.newPassword("newPassword", password))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("newPassword"))
                .hasMessageStartingWith("newPassword ");
    }
}
