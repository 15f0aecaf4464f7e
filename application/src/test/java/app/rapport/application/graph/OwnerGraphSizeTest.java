package app.rapport.application.graph;

import app.rapport.application.graph.OwnerGraph.Person;
import app.rapport.application.graph.OwnerGraph.Referral;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limit the projection promises: an owner with 10 000 contacts, generated ids, long names and organizations,
 * two links each and half of them met, fits in half of MongoDB's 16 MiB document limit.
 */
class OwnerGraphSizeTest {

    @Test
    void tenThousandContactsFitInHalfADocument() {
        OwnerGraph graph = new OwnerGraph(UUID.randomUUID().toString());
        String previous = null;
        for (int i = 0; i < 10_000; i++) {
            Person person = new Person(UUID.randomUUID().toString());
            person.givenName = "Given name " + i + " of some length";
            person.familyName = "Family name " + i + " of some length";
            graph.writeOrganization(person, "Organization number " + (i % 500) + " Incorporated", Instant.now());
            person.version = 12;
            if (previous != null) {
                person.referredBy = previous;
                graph.referrals.add(new Referral(previous, person.id));
                graph.referrals.add(new Referral(person.id, previous));
            }
            if (i % 2 == 0) {
                graph.met.add(person.id);
            }
            graph.contacts.put(person.id, person);
            previous = person.id;
        }

        int bytes = new RawBsonDocument(graph.toDocument(), new DocumentCodec()).getByteBuffer().remaining();

        assertThat(bytes).isLessThan(8 * 1024 * 1024);
    }
}
