package app.rapport.application.reminder;

import app.rapport.application.ProjectionHarness;

import java.nio.file.Path;

/** Every rule of {@link ReminderScheduleProjectionTest} again, with each delivery's events applied as one batch of the view's processor. */
class ReminderScheduleProjectionInBatchesTest extends ReminderScheduleProjectionTest {

    @Override
    ProjectionHarness startHarness(Path dataDirectory) {
        return ProjectionHarness.startInBatches(dataDirectory);
    }
}
