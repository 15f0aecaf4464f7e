package app.rapport.application.account;

import app.rapport.domain.shared.OwnerId;

import java.time.Instant;

/**
 * A person who uses Rapport. Its id is the owner of everything they record.
 *
 * @param email normalised: trimmed and lower-case
 */
public record Account(OwnerId id, String email, String displayName, Instant createdAt) {
}
