package app.rapport.api.question;

import app.rapport.api.account.Caller;
import app.rapport.api.shared.Gateways;
import app.rapport.application.question.FindQuestion;
import app.rapport.application.question.FindQuestionBank;
import app.rapport.application.question.QuestionView;
import app.rapport.domain.question.AddQuestion;
import app.rapport.domain.question.QuestionId;
import app.rapport.domain.shared.Conflict;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Optional;

/** The caller's question bank. */
@Controller
class QuestionController {

    private final Gateways gateways;

    QuestionController(Gateways gateways) {
        this.gateways = gateways;
    }

    @QueryMapping
    List<QuestionView> questionBank(Caller caller) {
        return gateways.ask(new FindQuestionBank(caller.owner()), ResponseTypes.multipleInstancesOf(QuestionView.class));
    }

    @MutationMapping
    QuestionView addQuestion(@Argument String text, @Argument String topic, @Argument String id, Caller caller) {
        QuestionId questionId = id == null ? QuestionId.generate(caller.owner()) : questionId(caller, id);
        Optional<QuestionView> existing = find(questionId);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            gateways.send(new AddQuestion(questionId, text, topic), caller, "id", "question");
        } catch (Conflict taken) {
            return find(questionId).orElseThrow(() -> taken);
        }
        return find(questionId).orElseThrow(() -> new IllegalStateException("the question was added but is not in the views"));
    }

    @SchemaMapping(typeName = "Question")
    String id(QuestionView question) {
        return question.id().value();
    }

    private static QuestionId questionId(Caller caller, String id) {
        try {
            return new QuestionId(caller.owner(), id);
        } catch (app.rapport.domain.shared.InvalidInput invalid) {
            throw new app.rapport.domain.shared.InvalidInput("id", invalid.getMessage());
        }
    }

    private Optional<QuestionView> find(QuestionId id) {
        return gateways.ask(new FindQuestion(id), ResponseTypes.optionalInstanceOf(QuestionView.class));
    }
}
