package app.rapport.domain.question;

import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.OwnerId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AddQuestionTest {

    private static final QuestionId TYPICAL_WEEK = new QuestionId(new OwnerId("maya"), "q-1");

    private AggregateTestFixture<Question> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Question.class);
    }

    @Test
    void aQuestionJoinsTheBankWithItsTopic() {
        fixture.givenNoPriorActivity()
               .when(new AddQuestion(TYPICAL_WEEK, "  What does a typical week look like?  ", "day to day"))
               .expectEvents(new QuestionAdded(TYPICAL_WEEK, "What does a typical week look like?", "day to day"));
    }

    @Test
    void theTopicIsOptional() {
        fixture.givenNoPriorActivity()
               .when(new AddQuestion(TYPICAL_WEEK, "How did you start?", " "))
               .expectEvents(new QuestionAdded(TYPICAL_WEEK, "How did you start?", null));
    }

    @Test
    void aQuestionNeedsText() {
        fixture.givenNoPriorActivity()
               .when(new AddQuestion(TYPICAL_WEEK, "   ", null))
               .expectException(InvalidInput.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("text"))
               .expectNoEvents();
    }

    @Test
    void aQuestionIsAtMostFiveHundredCharacters() {
        fixture.givenNoPriorActivity()
               .when(new AddQuestion(TYPICAL_WEEK, "x".repeat(Question.TEXT_MAX + 1), null))
               .expectException(InvalidInput.class)
               .expectNoEvents();
    }
}
