package app.rapport.application.question;

import app.rapport.domain.shared.OwnerId;

/** All questions of the owner's bank, oldest first; answers {@code List<QuestionView>}. */
public record FindQuestionBank(OwnerId owner) {
}
