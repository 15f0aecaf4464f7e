package app.rapport.api.account;

import app.rapport.application.account.Account;
import app.rapport.application.account.AccountService;
import app.rapport.application.account.Unauthenticated;
import app.rapport.application.messaging.RecentCallers;
import graphql.GraphQLContext;
import org.springframework.stereotype.Component;

/**
 * Finds out who the caller of a request is, from the token that {@link BearerTokenInterceptor} put into the
 * GraphQL context, once per request and only when a field needs it: a request for public fields alone costs no
 * lookup, and a store that cannot be reached surfaces as a classified GraphQL error, not as a failed HTTP request.
 */
@Component
class CallerAuthentication {

    static final String SIGN_IN_FIRST = "Sign in first: this needs a valid token (Authorization: Bearer …)";

    private final AccountService accounts;
    private final RecentCallers callers;

    CallerAuthentication(AccountService accounts, RecentCallers callers) {
        this.accounts = accounts;
        this.callers = callers;
    }

    /** @throws Unauthenticated when the request carries no token, or one that is unknown or expired */
    Caller authenticate(GraphQLContext context) {
        Caller known = context.get(Caller.CONTEXT_KEY);
        if (known != null) {
            return known;
        }
        String token = context.get(BearerTokenInterceptor.TOKEN_KEY);
        if (token == null) {
            throw new Unauthenticated(SIGN_IN_FIRST);
        }
        Account account = accounts.authenticate(token);
        Caller caller = new Caller(account.id());
        context.put(Caller.CONTEXT_KEY, caller);
        callers.saw(caller.owner());
        return caller;
    }
}
