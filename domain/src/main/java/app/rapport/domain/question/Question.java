package app.rapport.domain.question;

import app.rapport.domain.shared.Require;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One question of a user's question bank. */
public class Question {

    static final int TEXT_MAX = 500;
    static final int TOPIC_MAX = 100;

    @AggregateIdentifier
    private QuestionId id;

    Question() {
        // for Axon, which rebuilds the question from its events
    }

    @CommandHandler
    Question(AddQuestion command) {
        QuestionId questionId = Require.present("id", command.questionId());
        String text = Require.text("text", command.text(), TEXT_MAX);
        String topic = Require.optionalText("topic", command.topic(), TOPIC_MAX);
        apply(new QuestionAdded(questionId, text, topic));
    }

    @EventSourcingHandler
    void on(QuestionAdded event) {
        id = event.questionId();
    }
}
