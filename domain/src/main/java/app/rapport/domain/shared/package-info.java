/**
 * What every feature of the domain uses: the owner, the interview id (a contact's touch can name one), the
 * refusals the API turns into GraphQL errors, the personal-data marker, the input rules and the clock.
 * Depends on no feature package.
 */
package app.rapport.domain.shared;
