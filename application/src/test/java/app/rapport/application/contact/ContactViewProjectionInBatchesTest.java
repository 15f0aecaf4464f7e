package app.rapport.application.contact;

import app.rapport.application.ProjectionHarness;

import java.nio.file.Path;

/** Every rule of {@link ContactViewProjectionTest} again, with each delivery's events applied as one batch of the view's processor. */
class ContactViewProjectionInBatchesTest extends ContactViewProjectionTest {

    @Override
    ProjectionHarness startHarness(Path dataDirectory) {
        return ProjectionHarness.startInBatches(dataDirectory);
    }
}
