package app.rapport.api;

import graphql.ErrorClassification;

/**
 * The classifications of Rapport's GraphQL errors, in {@code errors[].extensions.classification}. Clients decide
 * by them what to do: fix the input, sign in, reload. Failures of the server itself are Spring's
 * {@code INTERNAL_ERROR}.
 */
public enum RapportErrorType implements ErrorClassification {

    /** The input breaks a rule; {@code extensions.field} names the field. */
    BAD_REQUEST,
    /** No such thing for the caller (also another owner's things, so that ids cannot be probed). */
    NOT_FOUND,
    /** The caller is known but may not do this. */
    FORBIDDEN,
    /** The input is fine but the current state forbids it, e.g. an email that has an account already. */
    CONFLICT,
    /** No valid sign-in: no token, or one that is unknown or expired, or a wrong email or password. */
    UNAUTHORIZED,
    /**
     * Too many of the caller's changes are running or waiting; nothing was saved. {@code extensions.retryAfterSeconds}
     * says when to try again.
     */
    TOO_BUSY,
    /**
     * Too many failed sign-ins for the account or from the caller's address; nothing was checked.
     * {@code extensions.retryAfterSeconds} says when to try again.
     */
    TOO_MANY_REQUESTS,
    /**
     * The change was saved ({@code extensions.saved} is true), but the views did not show it in time: read it again
     * in a moment rather than sending it again.
     */
    VIEWS_BEHIND
}
