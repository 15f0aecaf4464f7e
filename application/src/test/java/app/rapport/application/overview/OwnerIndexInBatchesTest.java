package app.rapport.application.overview;

import app.rapport.application.ProjectionHarness;

import java.nio.file.Path;

/** Every rule of {@link OwnerIndexTest} again, with each delivery's events applied as one batch of the view's processor. */
class OwnerIndexInBatchesTest extends OwnerIndexTest {

    @Override
    ProjectionHarness startHarness(Path dataDirectory) {
        return ProjectionHarness.startInBatches(dataDirectory);
    }
}
