package app.rapport.api.account;

import app.rapport.application.account.Account;
import app.rapport.application.account.AccountService;
import app.rapport.application.account.SignedIn;
import app.rapport.application.account.Unauthenticated;
import app.rapport.application.accountdeletion.AccountDeletion;
import app.rapport.domain.shared.InvalidInput;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Sign-up, sign-in, sign-out, password change, deletion and "who am I". */
@Controller
class AccountController {

    private final AccountService accounts;
    private final AccountDeletion deletion;

    AccountController(AccountService accounts, AccountDeletion deletion) {
        this.accounts = accounts;
        this.deletion = deletion;
    }

    /** One account per request: aliases must not turn one request into many sign-ups. */
    @MutationMapping
    AuthPayload signUp(@Argument String email, @Argument String password, @Argument String displayName, @Argument String invitation,
                       @ContextValue(name = BearerTokenInterceptor.CLIENT_ADDRESS_KEY, required = false) String clientAddress,
                       DataFetchingEnvironment environment) {
        long signUps = environment.getOperationDefinition().getSelectionSet().getSelectionsOfType(Field.class).stream()
                                  .filter(field -> field.getName().equals("signUp")).count();
        if (signUps > 1) {
            throw new InvalidInput("signUp", "one signUp per request, not " + signUps);
        }
        return AuthPayload.of(accounts.signUp(email, password, displayName, invitation, clientAddress));
    }

    @MutationMapping
    AuthPayload signIn(@Argument String email, @Argument String password,
                       @ContextValue(name = BearerTokenInterceptor.CLIENT_ADDRESS_KEY, required = false) String clientAddress) {
        return AuthPayload.of(accounts.signIn(email, password, clientAddress));
    }

    @MutationMapping
    boolean signOut(Caller caller, @ContextValue(name = BearerTokenInterceptor.TOKEN_KEY) String token) {
        return accounts.signOut(token);
    }

    @MutationMapping
    boolean signOutEverywhere(Caller caller) {
        accounts.signOutEverywhere(caller.owner());
        return true;
    }

    @MutationMapping
    AuthPayload changePassword(@Argument String currentPassword, @Argument String newPassword, Caller caller,
                               @ContextValue(name = BearerTokenInterceptor.CLIENT_ADDRESS_KEY, required = false) String clientAddress) {
        return AuthPayload.of(accounts.changePassword(caller.owner(), currentPassword, newPassword, clientAddress));
    }

    @MutationMapping
    boolean deleteAccount(@Argument String password, Caller caller,
                          @ContextValue(name = BearerTokenInterceptor.CLIENT_ADDRESS_KEY, required = false) String clientAddress) {
        deletion.delete(caller.owner(), password, clientAddress);
        return true;
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
