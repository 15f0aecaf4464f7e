package app.rapport.application.question;

import app.rapport.domain.question.QuestionId;

import java.time.Instant;

/** A question in a user's bank, as the API shows it. */
public record QuestionView(QuestionId id, String text, String topic, Instant addedAt) {
}
