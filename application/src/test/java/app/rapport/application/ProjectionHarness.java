package app.rapport.application;

import app.rapport.application.storage.EmbeddedMongoServer;
import app.rapport.application.storage.Store;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import app.rapport.application.views.ViewBatch;
import app.rapport.application.views.ViewProgress;
import app.rapport.application.views.ViewFailures;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.bson.Document;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a projection against the embedded store as its processor would: events are handed to it as domain
 * event messages with their aggregate's sequence number, through Axon's annotation adapter, and it is
 * queried through a query gateway with the response types the API uses.
 */
public final class ProjectionHarness implements AutoCloseable {

    private final EmbeddedMongoServer server;
    private final MongoClient client;
    private final Store store;

    /** The name the harness's batches are recorded under when they fail. */
    public static final String PROCESSOR = "projection-harness";

    private final boolean inBatches;
    private final StoreCommands commands = new StoreCommands();

    private ProjectionHarness(EmbeddedMongoServer server, boolean inBatches) {
        this.server = server;
        this.client = commands.client(server.connectionString());
        this.inBatches = inBatches;
        this.store = new Store(client, client.getDatabase("rapport"), server.durability(), "embedded test store");
    }

    public static ProjectionHarness start(Path dataDirectory) {
        return new ProjectionHarness(EmbeddedMongoServer.start(dataDirectory), false);
    }

    /**
     * A harness that hands each {@link #deliver} call's events to the projection as one batch of a processor: in one
     * batching unit of work, rows written when its last event has been handled ({@link ViewBatch}).
     */
    public static ProjectionHarness startInBatches(Path dataDirectory) {
        return new ProjectionHarness(EmbeddedMongoServer.start(dataDirectory), true);
    }

    public Store store() {
        return store;
    }

    public MongoDatabase database() {
        return store.database();
    }

    /** Hands events to the projection as one aggregate's events, numbered from {@code firstSequence}. */
    public void deliver(Object projection, long firstSequence, Object... events) {
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
        List<EventMessage<?>> messages = new ArrayList<>();
        long sequence = firstSequence;
        for (Object event : events) {
            messages.add(new GenericDomainEventMessage<>(event.getClass().getSimpleName(), aggregateOf(event), sequence++, event));
        }
        if (inBatches) {
            deliverInOneBatch(handler, messages, new ViewFailures());
            return;
        }
        for (EventMessage<?> message : messages) {
            try {
                handler.handle(message);
            } catch (Exception e) {
                throw new IllegalStateException("The projection failed on " + message.getPayload(), e);
            }
        }
    }

    /** Hands events that belong to no aggregate to the projection as one batch of a processor. */
    public void deliverInOneBatch(Object projection, Object... events) {
        deliverInOneBatch(projection, new ViewFailures(), events);
    }

    /** As above, the processor's failures recorded in {@code failures}. */
    public void deliverInOneBatch(Object projection, ViewFailures failures, Object... events) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            messages.add(GenericEventMessage.asEventMessage(event));
        }
        deliverInOneBatch(new AnnotationEventHandlerAdapter(projection), messages, failures);
    }

    private static void deliverInOneBatch(AnnotationEventHandlerAdapter handler, List<EventMessage<?>> messages,
                                          ViewFailures failures) {
        if (messages.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        ResultMessage<?> result = batch.executeWithResult(
                () -> new DefaultInterceptorChain<EventMessage<?>>(batch, List.of(ViewBatch.writtenAtTheEnd(PROCESSOR, failures, new ViewProgress())), handler::handle).proceed(),
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("The projection failed on a batch of " + messages.size() + " events",
                                            result.exceptionResult());
        }
    }

    public QueryGateway queries(Object... projections) {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        for (Object projection : projections) {
            new AnnotationQueryHandlerAdapter<>(projection).subscribe(bus);
        }
        return DefaultQueryGateway.builder().queryBus(bus).build();
    }

    /** How many lookups the collection has answered so far. */
    public long finds(String collection) {
        return commands.count("find", collection);
    }

    /** Every document of a collection, as stored, in `_id` order. */
    public List<Document> documents(String collection) {
        return database().getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    /** Interview events name their interview; contact events their contact; question bank events their question. */
    private static String aggregateOf(Object event) {
        RecordComponent[] components = event.getClass().getRecordComponents();
        for (String name : List.of("interviewId", "contactId", "questionId")) {
            for (RecordComponent component : components) {
                if (component.getName().equals(name)) {
                    try {
                        return String.valueOf(component.getAccessor().invoke(event));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        throw new IllegalArgumentException("Not an aggregate's event: " + event);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
