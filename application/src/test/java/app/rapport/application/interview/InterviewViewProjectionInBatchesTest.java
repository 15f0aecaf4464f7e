package app.rapport.application.interview;

import app.rapport.application.ProjectionHarness;

import java.nio.file.Path;

/** Every rule of {@link InterviewViewProjectionTest} again, with each delivery's events applied as one batch of the view's processor. */
class InterviewViewProjectionInBatchesTest extends InterviewViewProjectionTest {

    @Override
    ProjectionHarness startHarness(Path dataDirectory) {
        return ProjectionHarness.startInBatches(dataDirectory);
    }
}
