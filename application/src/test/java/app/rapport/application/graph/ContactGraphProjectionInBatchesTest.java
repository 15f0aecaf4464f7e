package app.rapport.application.graph;

import app.rapport.application.ProjectionHarness;

import java.nio.file.Path;

/** Every rule of {@link ContactGraphProjectionTest} again, with each delivery's events applied as one batch of the view's processor. */
class ContactGraphProjectionInBatchesTest extends ContactGraphProjectionTest {

    @Override
    ProjectionHarness startHarness(Path dataDirectory) {
        return ProjectionHarness.startInBatches(dataDirectory);
    }
}
