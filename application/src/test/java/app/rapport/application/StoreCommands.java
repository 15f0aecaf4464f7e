package app.rapport.application;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the commands a driver sent, by command and collection: how many round trips a piece of work took. */
public final class StoreCommands implements CommandListener {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** A client of the store at {@code connectionString} whose commands are counted here. */
    public MongoClient client(String connectionString) {
        return MongoClients.create(MongoClientSettings.builder()
                                                      .applyConnectionString(new ConnectionString(connectionString))
                                                      .addCommandListener(this)
                                                      .build());
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonValue collection = event.getCommand().get(event.getCommandName());
        String on = collection != null && collection.isString() ? collection.asString().getValue() : "";
        counts.computeIfAbsent(event.getCommandName() + " " + on, key -> new LongAdder()).increment();
    }

    /** How many {@code command}s (find, insert, update, ...) the collection was sent so far. */
    public long count(String command, String collection) {
        LongAdder count = counts.get(command + " " + collection);
        return count == null ? 0 : count.sum();
    }
}
