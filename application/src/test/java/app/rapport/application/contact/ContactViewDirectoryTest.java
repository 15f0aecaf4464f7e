package app.rapport.application.contact;

import app.rapport.application.ProjectionHarness;
import app.rapport.domain.contact.ContactDirectory;
import app.rapport.domain.contact.ContactFacts;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.NotFound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static app.rapport.application.contact.ContactViewProjectionTest.ADDED_AT;
import static app.rapport.application.contact.ContactViewProjectionTest.DANA;
import static app.rapport.application.contact.ContactViewProjectionTest.LEE;
import static app.rapport.application.contact.ContactViewProjectionTest.OTHER_OWNER;
import static app.rapport.application.contact.ContactViewProjectionTest.OWNER;
import static app.rapport.application.contact.ContactViewProjectionTest.SAM;
import static app.rapport.application.contact.ContactViewProjectionTest.added;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactViewDirectoryTest {

    @TempDir
    Path dataDir;

    ProjectionHarness harness;
    ContactViewProjection projection;
    ContactDirectory directory;

    @BeforeEach
    void start() {
        harness = ProjectionHarness.start(dataDir);
        projection = new ContactViewProjection(harness.store());
        directory = new ContactViewDirectory(harness.store());
        harness.deliver(projection, 0, added(DANA, "Dana", "Reyes", null, false));
        harness.deliver(projection, 0, added(LEE, "Lee", "Chen", DANA, true));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void answersWithTheIntroducerAndTheirPermission() {
        assertThat(directory.find(LEE)).contains(new ContactFacts(LEE, false, DANA, true));
        assertThat(directory.find(DANA)).contains(new ContactFacts(DANA, false, null, false));
        assertThat(directory.requireKnown("contactId", LEE, OWNER).introducer()).isEqualTo(DANA);
    }

    @Test
    void knowsNothingOfUnknownContactsNorOfAnotherOwnersContacts() {
        ContactId sameValueOtherOwner = new ContactId(OTHER_OWNER, LEE.value());

        assertThat(directory.find(SAM)).isEmpty();
        assertThat(directory.find(sameValueOtherOwner)).isEmpty();
        assertThatThrownBy(() -> directory.requireKnown("contactId", sameValueOtherOwner, OTHER_OWNER))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> directory.requireKnown("contactId", LEE, OTHER_OWNER))
                .as("another owner naming this owner's contact").isInstanceOf(NotFound.class);
    }

    @Test
    void aForgottenContactIsKnownAsForgottenAndRefusedLikeAnUnknownOne() {
        harness.deliver(projection, 1, new ContactForgotten(OWNER, DANA, ADDED_AT));

        assertThat(directory.find(DANA)).contains(new ContactFacts(DANA, true, null, false));
        assertThatThrownBy(() -> directory.requireKnown("referredById", DANA, OWNER))
                .isInstanceOf(NotFound.class)
                .hasMessage("referredById names no contact dana of yours");
        assertThat(directory.find(LEE)).as("its introducer is gone")
                                       .contains(new ContactFacts(LEE, false, null, false));
    }
}
