package app.rapport.application.graph;

import app.rapport.application.ProjectionHarness;

import app.rapport.domain.contact.ContactId;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of {@link ContactGraphProjectionTest} again, with each delivery's events applied as one batch of the view's processor. */
class ContactGraphProjectionInBatchesTest extends ContactGraphProjectionTest {

    @Override
    ProjectionHarness startHarness(Path dataDirectory) {
        return ProjectionHarness.startInBatches(dataDirectory);
    }

    @Test
    void aBatchOfNewContactsReadsEachOfTheGraphsCollectionsOnce() {
        Object[] newcomers = IntStream.range(0, 24)
                                      .mapToObj(i -> added(new ContactId(OWNER, "c-" + i), "Person " + i, null,
                                                           i % 6 == 0 ? " Acme " : "Org " + i % 6, null))
                                      .toArray();

        harness.deliver(projection, 0, newcomers);

        assertThat(harness.finds(GraphRows.CONTACTS)).isOne();
        assertThat(harness.finds(GraphRows.ORGANIZATIONS)).isOne();
        assertThat(harness.finds(GraphRows.ORGANIZATION_MEMBERS)).isOne();
        GraphRows rows = new GraphRows(harness.database());
        assertThat(rows.members(OWNER, "acme")).containsExactly("c-0", "c-12", "c-18", "c-6");
        assertThat(rows.members(OWNER, "org 5")).containsExactly("c-11", "c-17", "c-23", "c-5");
        assertThat(rows.organizations(OWNER, List.of("acme", "org 1", "org 5"))).containsOnlyKeys("acme", "org 1", "org 5");
    }
}
