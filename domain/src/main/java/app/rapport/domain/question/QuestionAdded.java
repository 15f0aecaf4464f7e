package app.rapport.domain.question;

import org.axonframework.serialization.Revision;

/** A question joined the owner's bank. The owner's own words, not a third party's personal data. */
@Revision("1")
public record QuestionAdded(QuestionId questionId, String text, String topic) {
}
