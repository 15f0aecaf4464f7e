package app.rapport.application.question;

import app.rapport.application.ProjectionHarness;
import app.rapport.domain.question.QuestionAdded;
import app.rapport.domain.question.QuestionId;
import app.rapport.domain.shared.OwnerId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionBankProjectionTest {

    static final OwnerId MAYA = new OwnerId("maya");
    static final OwnerId NOAH = new OwnerId("noah");
    static final QuestionId TYPICAL_WEEK = new QuestionId(MAYA, "q-1");
    static final QuestionId FIRST_JOB = new QuestionId(MAYA, "q-2");

    @TempDir
    Path dataDir;

    ProjectionHarness harness;
    QuestionBankProjection projection;
    QueryGateway queries;

    @BeforeEach
    void start() {
        harness = startHarness(dataDir);
        projection = new QuestionBankProjection(harness.store());
        queries = harness.queries(projection);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aBankListsItsOwnersQuestionsInTheOrderAdded() {
        harness.deliver(projection, 0, new QuestionAdded(TYPICAL_WEEK, "What does a typical week look like?", "day to day"));
        harness.deliver(projection, 0, new QuestionAdded(FIRST_JOB, "How did you find your first job?", null));
        harness.deliver(projection, 0, new QuestionAdded(new QuestionId(NOAH, "q-1"), "Noah's own question", null));

        assertThat(bank(MAYA)).extracting(QuestionView::id, QuestionView::text, QuestionView::topic)
                              .containsExactly(org.assertj.core.groups.Tuple.tuple(TYPICAL_WEEK, "What does a typical week look like?", "day to day"),
                                               org.assertj.core.groups.Tuple.tuple(FIRST_JOB, "How did you find your first job?", null));
        assertThat(bank(NOAH)).extracting(QuestionView::text).containsExactly("Noah's own question");
    }

    @Test
    void aRedeliveredQuestionIsInTheBankOnce() {
        QuestionAdded added = new QuestionAdded(TYPICAL_WEEK, "What does a typical week look like?", null);
        harness.deliver(projection, 0, added);
        harness.deliver(projection, 0, added);

        assertThat(bank(MAYA)).hasSize(1);
    }

    @Test
    void aQuestionIsFoundOnlyByItsOwner() {
        harness.deliver(projection, 0, new QuestionAdded(TYPICAL_WEEK, "What does a typical week look like?", null));

        assertThat(find(TYPICAL_WEEK)).map(QuestionView::text).contains("What does a typical week look like?");
        assertThat(find(new QuestionId(NOAH, "q-1"))).isEmpty();
    }

    private List<QuestionView> bank(OwnerId owner) {
        return queries.query(new FindQuestionBank(owner), ResponseTypes.multipleInstancesOf(QuestionView.class)).join();
    }

    private Optional<QuestionView> find(QuestionId id) {
        return queries.query(new FindQuestion(id), ResponseTypes.optionalInstanceOf(QuestionView.class)).join();
    }

    /** How the events reach the projection: one at a time here, as batches of a processor in a subclass. */
    ProjectionHarness startHarness(Path dataDirectory) {
        return ProjectionHarness.start(dataDirectory);
    }
}
