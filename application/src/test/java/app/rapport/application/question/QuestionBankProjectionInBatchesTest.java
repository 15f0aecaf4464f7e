package app.rapport.application.question;

import app.rapport.application.ProjectionHarness;

import java.nio.file.Path;

/** Every rule of {@link QuestionBankProjectionTest} again, with each delivery's events applied as one batch of the view's processor. */
class QuestionBankProjectionInBatchesTest extends QuestionBankProjectionTest {

    @Override
    ProjectionHarness startHarness(Path dataDirectory) {
        return ProjectionHarness.startInBatches(dataDirectory);
    }
}
