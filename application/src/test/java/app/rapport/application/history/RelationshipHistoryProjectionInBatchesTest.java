package app.rapport.application.history;

import app.rapport.application.ProjectionHarness;

import java.nio.file.Path;

/** Every rule of {@link RelationshipHistoryProjectionTest} again, with each delivery's events applied as one batch of the view's processor. */
class RelationshipHistoryProjectionInBatchesTest extends RelationshipHistoryProjectionTest {

    @Override
    ProjectionHarness startHarness(Path dataDirectory) {
        return ProjectionHarness.startInBatches(dataDirectory);
    }
}
