package app.rapport.domain.question;

import app.rapport.domain.shared.OwnWordsEvent;
import app.rapport.domain.shared.OwnerId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * A question joined the owner's bank. The owner's own words, not a third party's: encrypted with the owner's key, so
 * that they go when the account does.
 */
@Revision("1")
public record QuestionAdded(QuestionId questionId, @PersonalData String text, @PersonalData String topic) implements OwnWordsEvent {

    @Override
    public OwnerId owner() {
        return questionId.owner();
    }
}
