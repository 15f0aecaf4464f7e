package app.rapport.application.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The database as seen by one slow writer: its first commit stops at a chosen point after the writer has
 * taken its global indexes, until the test lets it go on, or cuts the writer off from the database for
 * good (a crashed or partitioned node). Everything else passes straight through to the real database, so
 * the engine under test runs unchanged.
 */
final class StalledWriter {

    enum Stage {
        /** Right after the counter handed out the indexes, before the write deadline is checked. */
        AFTER_ALLOCATION,
        /** Right before the commit is inserted, after the write deadline was checked. */
        BEFORE_INSERT
    }

    private static final long WAIT_SECONDS = 30;

    private final Stage stage;
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final CountDownLatch decided = new CountDownLatch(1);
    private volatile boolean cutOff;

    StalledWriter(Stage stage) {
        this.stage = stage;
    }

    MongoDatabase wrap(MongoDatabase database) {
        return proxy(MongoDatabase.class, database, (target, method, arguments) -> {
            Object result = invoke(target, method, arguments);
            if (result instanceof MongoCollection<?> collection && method.getName().equals("getCollection")) {
                return wrap(collection, (String) arguments[0]);
            }
            return result;
        });
    }

    /** Blocks until the writer has reached its stage. */
    void awaitStalled() throws InterruptedException {
        if (!stalled.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("The writer never reached " + stage);
        }
    }

    void resume() {
        decided.countDown();
    }

    /** The stalled call and every later one fail, as if this writer's node lost the database. */
    void cutOff() {
        cutOff = true;
        decided.countDown();
    }

    private MongoCollection<?> wrap(MongoCollection<?> collection, String name) {
        return proxy(MongoCollection.class, collection, (target, method, arguments) -> {
            if (cutOff) {
                throw new MongoException("This writer has lost its connection to the database");
            }
            boolean stallHere = stalled.getCount() > 0 && isStage(name, method, arguments);
            if (stallHere && stage == Stage.BEFORE_INSERT) {
                stall();
            }
            Object result = invoke(target, method, arguments);
            if (stallHere && stage == Stage.AFTER_ALLOCATION) {
                stall();
            }
            if (result instanceof MongoCollection<?> derived) {
                // withWriteConcern and friends hand out new collection objects, which must stall too.
                return wrap(derived, name);
            }
            return result;
        });
    }

    private boolean isStage(String collection, Method method, Object[] arguments) {
        return switch (stage) {
            case AFTER_ALLOCATION -> collection.equals(MongoEventStorageEngine.SEQUENCES)
                    && method.getName().equals("findOneAndUpdate");
            // An abandoned commit holds no events: only the writer's real commit stalls.
            case BEFORE_INSERT -> collection.equals(MongoEventStorageEngine.EVENTS)
                    && method.getName().equals("insertOne")
                    && arguments[0] instanceof Document commit
                    && !commit.getList("events", Document.class, List.of()).isEmpty();
        };
    }

    private void stall() throws InterruptedException {
        stalled.countDown();
        if (!decided.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The test never resumed the stalled writer");
        }
        if (cutOff) {
            throw new MongoException("This writer has lost its connection to the database");
        }
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private interface Call {
        Object handle(Object target, Method method, Object[] arguments) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Call call) {
        InvocationHandler handler = (proxy, method, arguments) -> call.handle(target, method, arguments);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler));
    }
}
