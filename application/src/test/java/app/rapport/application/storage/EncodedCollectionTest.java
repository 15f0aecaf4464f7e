package app.rapport.application.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store's collections keep documents encoded; what a client sees of them is unchanged. */
class EncodedCollectionTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aCollectionsStatisticsCountTheBytesOfItsDocuments() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("rapport");
            MongoCollection<Document> people = database.getCollection("people");
            List<Document> stored = IntStream.range(0, 50).mapToObj(i -> new Document("_id", "p" + i).append("name", "x".repeat(i))).toList();
            people.insertMany(stored);
            people.updateOne(eq("_id", "p3"), new Document("$set", new Document("name", "longer than before")));
            people.deleteOne(eq("_id", "p4"));

            long bytes = people.find().into(new ArrayList<>()).stream()
                               .mapToLong(document -> RawBsonDocument.parse(document.toJson()).getByteBuffer().remaining())
                               .sum();
            Document stats = database.runCommand(new Document("collStats", "people"));
            assertThat(stats.get("count", Number.class).intValue()).isEqualTo(49);
            assertThat(stats.get("size", Number.class).longValue()).isEqualTo(bytes);
        }
    }

    @Test
    void documentsComeBackwardsInTheOrderTheyWereStoredWhenAskedSo() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> counted = client.getDatabase("rapport").getCollection("counted");
            for (int i = 0; i < 30; i++) {
                counted.insertOne(new Document("_id", i).append("n", i));
            }
            List<Integer> backwards = counted.find(gte("n", 25)).sort(new Document("$natural", -1))
                                             .map(document -> document.getInteger("n")).into(new ArrayList<>());
            assertThat(backwards).containsExactly(29, 28, 27, 26, 25);
        }
    }

    @Test
    void aLookupByManyKeysFindsTheStoredOnesAmongThemSortedLimitedAndProjectedAsAsked() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> rows = client.getDatabase("rapport").getCollection("rows");
            rows.insertMany(IntStream.range(0, 2_000).mapToObj(i -> new Document("_id", "r" + i).append("n", i)).toList());
            List<Object> asked = new ArrayList<>();
            IntStream.range(0, 600).forEach(i -> asked.add("r" + (i * 7)));
            asked.add("not stored");

            List<Integer> found = rows.find(in("_id", asked)).map(row -> row.getInteger("n")).into(new ArrayList<>());
            assertThat(found).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 286).map(i -> i * 7).boxed().toList());

            List<Document> firstByKey = rows.find(in("_id", asked)).sort(new Document("_id", -1)).limit(3)
                                            .projection(new Document("n", 0)).into(new ArrayList<>());
            assertThat(firstByKey).containsExactly(new Document("_id", "r994"), new Document("_id", "r987"), new Document("_id", "r980"));

            asked.add(14);
            rows.insertOne(new Document("_id", 14).append("n", -14));
            assertThat(rows.find(in("_id", asked)).map(row -> row.getInteger("n")).into(new ArrayList<>()))
                    .hasSize(287).contains(-14, 14);
        }
    }

    @Test
    void anUpdatedDocumentReadsBackChangedAfterARestartAndTheOthersAsTheyWere() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> people = client.getDatabase("rapport").getCollection("people");
            for (int i = 0; i < 200; i++) {
                people.insertOne(new Document("_id", i).append("name", "Person " + i).append("tags", List.of("a", "b")));
            }
            people.updateMany(gte("_id", 100), new Document("$unset", new Document("tags", "")).append("$set", new Document("moved", true)));
            server.durability().makeDurable();
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> people = client.getDatabase("rapport").getCollection("people");
            assertThat(people.find(eq("_id", 99)).first())
                    .isEqualTo(new Document("_id", 99).append("name", "Person 99").append("tags", List.of("a", "b")));
            assertThat(people.find(eq("_id", 100)).first())
                    .isEqualTo(new Document("_id", 100).append("name", "Person 100").append("moved", true));
            assertThat(people.countDocuments(eq("moved", true))).isEqualTo(100);
        }
    }
}
