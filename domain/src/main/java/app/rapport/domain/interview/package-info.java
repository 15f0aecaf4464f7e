/**
 * Informational interviews, from the request to the thank-you note. Depends on contacts and the shared
 * package; contacts know nothing of interviews.
 */
package app.rapport.domain.interview;
