package app.rapport.api.account;

import app.rapport.application.account.Unauthenticated;
import app.rapport.domain.shared.OwnerId;
import graphql.GraphQLContext;

/**
 * The signed-in person who sent a GraphQL request. Every command and query is scoped by {@link #owner()}, and
 * events record {@link #actor()} as who caused them.
 *
 * <p>A controller receives it as a method argument, resolved by {@link CallerArgumentResolver}; no annotation
 * needed:
 * <pre>{@code
 * @MutationMapping
 * Contact addContact(@Argument AddContactInput input, Caller caller) {
 *     return contacts.add(caller.owner(), caller.actor(), input);
 * }
 * }</pre>
 * In a {@code @BatchMapping} method or a data loader, take the {@code GraphQLContext} and call
 * {@link #of(GraphQLContext)}.
 *
 * <p>Every root field except the public ones ({@link SignInRequired#PUBLIC_FIELDS}) refuses to run without a
 * valid sign-in, so below a protected root field the caller is always known.
 */
public record Caller(OwnerId owner) {

    /** The key of the authenticated caller in the GraphQL context. */
    static final String CONTEXT_KEY = Caller.class.getName();

    public Caller {
        if (owner == null) {
            throw new IllegalArgumentException("A caller is an owner");
        }
    }

    /** Who caused an event, as the history shows it: {@code user:<owner id>}. */
    public String actor() {
        return "user:" + owner.value();
    }

    /**
     * The caller that was authenticated for this request.
     *
     * @throws Unauthenticated when nobody signed in, e.g. below a public field
     */
    public static Caller of(GraphQLContext context) {
        Caller caller = context.get(CONTEXT_KEY);
        if (caller == null) {
            throw new Unauthenticated(CallerAuthentication.SIGN_IN_FIRST);
        }
        return caller;
    }
}
