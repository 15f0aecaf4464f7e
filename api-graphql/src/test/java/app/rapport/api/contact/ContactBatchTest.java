package app.rapport.api.contact;

import app.rapport.api.support.RunningServer;
import app.rapport.application.batch.ContactBatch;
import app.rapport.application.batch.ContactBatch.Outcome;
import app.rapport.application.batch.ContactBatch.Result;
import app.rapport.domain.contact.AddContact;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.OwnerId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Many contacts at once, as an import adds them: each one's outcome, and what a person then sees over HTTP. */
class ContactBatchTest {

    @TempDir
    static Path dataDir;

    private static RunningServer running;
    private static ContactBatch batches;

    @BeforeAll
    static void start() {
        running = RunningServer.start(dataDir);
        batches = running.context().getBean(ContactBatch.class);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void each_contact_is_added_once_and_a_refused_one_stores_nothing_and_says_why() {
        RunningServer.User maya = running.signUpFreshUser();
        OwnerId owner = new OwnerId(maya.accountId());
        maya.graphQl("mutation { addContact(input: {id: \"dana\", givenName: \"Dana\", source: ALUMNI}) { id } }", Map.of());
        maya.graphQl("mutation { addContact(input: {id: \"gone\", givenName: \"Gone\", source: ALUMNI}) { id } }", Map.of());
        maya.graphQl("mutation { forgetContact(id: \"gone\") }", Map.of());

        List<Outcome> outcomes = batches.add(maya.actor(), List.of(
                contact(owner, "ravi", "Ravi"), contact(owner, "dana", "Dana again"), contact(owner, "ravi", "Ravi twice"),
                contact(owner, "blank", " "), contact(owner, "sofia", "Sofia")));

        assertThat(outcomes).extracting(outcome -> outcome.id().value(), Outcome::result, Outcome::field).containsExactly(
                tuple("ravi", Result.ADDED, null), tuple("dana", Result.ALREADY_THERE, null),
                tuple("ravi", Result.ALREADY_THERE, null), tuple("blank", Result.REFUSED, "givenName"),
                tuple("sofia", Result.ADDED, null));
        assertThat(maya.graphQl("{ contacts(first: 10) { edges { node { id displayName } } } }", Map.of())
                       .data("contacts").findValuesAsText("displayName")).containsExactly("Dana", "Ravi", "Sofia");

        List<Outcome> again = batches.add(maya.actor(), List.of(contact(owner, "gone", "Gone"), contact(owner, "lee", "Lee")));
        assertThat(again).extracting(outcome -> outcome.id().value(), Outcome::result)
                         .containsExactly(tuple("gone", Result.REFUSED), tuple("lee", Result.ADDED));
        assertThat(again.get(0).reason()).contains("forgotten");
        assertThat(maya.graphQl("{ contacts(first: 10) { totalCount } }", Map.of()).data("contacts").path("totalCount").asInt())
                .isEqualTo(4);
    }

    @Test
    void a_batch_is_of_one_owner_and_of_a_bounded_size() {
        RunningServer.User maya = running.signUpFreshUser();
        RunningServer.User other = running.signUpFreshUser();
        OwnerId mine = new OwnerId(maya.accountId());
        assertThatThrownBy(() -> batches.add(maya.actor(), List.of(contact(mine, "a", "A"),
                                                                   contact(new OwnerId(other.accountId()), "b", "B"))))
                .isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("contacts");
        assertThatThrownBy(() -> batches.add(maya.actor(), Collections.nCopies(ContactBatch.MOST + 1, contact(mine, "a", "A"))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("at most " + ContactBatch.MOST);
    }

    private static AddContact contact(OwnerId owner, String id, String givenName) {
        return new AddContact(new ContactId(owner, id), givenName, null, null, null, null, null, List.of(), List.of(), null,
                              ContactSource.LINKEDIN, null, List.of(), null, false);
    }
}
