package app.rapport.application.question;

import app.rapport.domain.question.QuestionId;

/** One question of the id's owner; answers {@code Optional<QuestionView>}. */
public record FindQuestion(QuestionId id) {
}
