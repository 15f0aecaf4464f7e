package app.rapport.domain.question;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts a question in the bank, optionally under a topic ("career path", "day to day"). */
public record AddQuestion(@TargetAggregateIdentifier QuestionId questionId, String text, String topic) {
}
