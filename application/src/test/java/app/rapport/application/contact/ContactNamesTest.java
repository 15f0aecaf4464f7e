package app.rapport.application.contact;

import app.rapport.application.ProjectionHarness;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactUpdated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static app.rapport.application.contact.ContactViewProjectionTest.ADDED_AT;
import static app.rapport.application.contact.ContactViewProjectionTest.DANA;
import static app.rapport.application.contact.ContactViewProjectionTest.LEE;
import static app.rapport.application.contact.ContactViewProjectionTest.OWNER;
import static app.rapport.application.contact.ContactViewProjectionTest.SAM;
import static app.rapport.application.contact.ContactViewProjectionTest.added;
import static org.assertj.core.api.Assertions.assertThat;

/** Other contacts are mentioned by what they are called now: renamed, by the new name; forgotten, by none. */
class ContactNamesTest {

    @TempDir
    Path dataDir;

    ProjectionHarness harness;
    ContactViewProjection projection;
    ContactNames names;

    @BeforeEach
    void start() {
        harness = ProjectionHarness.start(dataDir);
        projection = new ContactViewProjection(harness.store());
        names = new ContactNames(harness.store());
        harness.deliver(projection, 0, added(DANA, "Dana", "Reyes", null, false));
        harness.deliver(projection, 0, added(LEE, "Lee", "Chen", DANA, true));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void namesEveryKnownContactAskedForInOneAnswer() {
        assertThat(names.of(List.of(DANA, LEE, DANA))).isEqualTo(Map.of(DANA, "Dana Reyes", LEE, "Lee Chen"));
        assertThat(names.of(List.of())).isEmpty();
    }

    @Test
    void aRenamedContactGoesByItsNewNameAndAForgottenOrUnknownOneByNone() {
        harness.deliver(projection, 1, new ContactUpdated(LEE, "Leland", null, null, null, null, null, null, null, null, null, null, null));
        harness.deliver(projection, 1, new ContactForgotten(OWNER, DANA, ADDED_AT));

        assertThat(names.of(List.of(DANA, LEE, SAM))).isEqualTo(Map.of(LEE, "Leland Chen"));
    }

    @Test
    void anotherOwnersContactOfTheSameValueIsNotThisOne() {
        ContactId othersLee = new ContactId(ContactViewProjectionTest.OTHER_OWNER, LEE.value());

        assertThat(names.of(List.of(othersLee))).isEmpty();
    }
}
