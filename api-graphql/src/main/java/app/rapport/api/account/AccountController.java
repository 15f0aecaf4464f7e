package app.rapport.api.account;

import app.rapport.application.account.Account;
import app.rapport.application.account.AccountService;
import app.rapport.application.account.SignedIn;
import app.rapport.application.account.Unauthenticated;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Sign-up, sign-in and "who am I". */
@Controller
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @MutationMapping
    AuthPayload signUp(@Argument String email, @Argument String password, @Argument String displayName) {
        return AuthPayload.of(accounts.signUp(email, password, displayName));
    }

    @MutationMapping
    AuthPayload signIn(@Argument String email, @Argument String password) {
        return AuthPayload.of(accounts.signIn(email, password));
    }

    @QueryMapping
    AccountView me(Caller caller) {
        return accounts.account(caller.owner())
                       .map(AccountView::of)
                       .orElseThrow(() -> new Unauthenticated(Unauthenticated.INVALID_TOKEN));
    }

    /** GraphQL {@code AuthPayload}. */
    record AuthPayload(String token, AccountView account) {

        static AuthPayload of(SignedIn signedIn) {
            return new AuthPayload(signedIn.token(), AccountView.of(signedIn.account()));
        }

        @Override
        public String toString() {
            return "AuthPayload[account=" + account.id() + "]";
        }
    }

    /** GraphQL {@code Account}. */
    record AccountView(String id, String email, String displayName) {

        static AccountView of(Account account) {
            return new AccountView(account.id().value(), account.email(), account.displayName());
        }
    }
}
