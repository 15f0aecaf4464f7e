package app.rapport.application.question;

import app.rapport.application.ViewProcessing;
import app.rapport.application.accountdeletion.AccountCopies;
import app.rapport.application.storage.Store;
import app.rapport.domain.question.QuestionAdded;
import app.rapport.domain.question.QuestionId;
import app.rapport.domain.shared.OwnerId;
import app.rapport.application.views.EventIds;
import app.rapport.application.views.ViewRows;
import java.util.function.Function;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The question bank view: one row per owner holding their questions in the order added, so a bank is read with
 * one exact lookup. A question is added once: a redelivered event finds its question there already.
 */
@Component
@ProcessingGroup(ViewProcessing.QUESTION_VIEWS)
class QuestionBankProjection implements AccountCopies {

    static final String COLLECTION = "question_bank_views";

    private final ViewRows banks;

    QuestionBankProjection(Store store) {
        Function<Object, List<QuestionId>> questionsOf = EventIds.ids(QuestionId.class);
        this.banks = ViewRows.of(store.views(), COLLECTION)
                             .readAhead(event -> questionsOf.apply(event).stream().map(id -> id.owner().value()).toList());
    }

    @EventHandler
    void on(QuestionAdded event, @Timestamp Instant addedAt) {
        String owner = event.questionId().owner().value();
        String id = event.questionId().value();
        if (bank(owner).stream().anyMatch(question -> id.equals(question.getString("id")))) {
            return;
        }
        Document question = new Document("id", id).append("text", event.text()).append("topic", event.topic())
                                                  .append("addedAt", addedAt.toString());
        banks.upsert(owner, Updates.push("questions", question));
    }

    /** A deleted account's bank goes with it (its events are unreadable by then). */
    @Override
    public void forget(OwnerId account) {
        banks.delete(account.value());
    }

    @ResetHandler
    void reset() {
        banks.drop();
    }

    @QueryHandler
    Optional<QuestionView> handle(FindQuestion query) {
        return bank(query.id().owner().value()).stream()
                                               .filter(question -> query.id().value().equals(question.getString("id")))
                                               .findFirst()
                                               .map(question -> view(query.id().owner(), question));
    }

    @QueryHandler
    List<QuestionView> handle(FindQuestionBank query) {
        return bank(query.owner().value()).stream().map(question -> view(query.owner(), question)).toList();
    }

    private List<Document> bank(String owner) {
        Document row = banks.find(owner);
        return row == null ? List.of() : row.getList("questions", Document.class);
    }

    private static QuestionView view(OwnerId owner, Document question) {
        return new QuestionView(new QuestionId(owner, question.getString("id")), question.getString("text"),
                                question.getString("topic"), Instant.parse(question.getString("addedAt")));
    }
}
