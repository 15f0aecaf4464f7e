package app.rapport.application.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops the views that a data directory of an older Rapport keeps among its records: they are built anew in the views'
 * own database (their tokens are there, so they start from the first event), and the old copies would only take
 * space. Once the server is up, a collection of the records is dropped if the views' database has one of that name:
 * what is not certain to be a view is never dropped, so a view whose collection the rebuild has not made yet keeps its
 * old copy until a later start.
 */
@Component
class ViewsOfAnOlderLayout {

    private static final Logger log = LoggerFactory.getLogger(ViewsOfAnOlderLayout.class);

    /** Where Axon's token store keeps the processors' positions. */
    static final String PROCESSOR_POSITIONS = "trackingtokens";

    private final Store store;

    ViewsOfAnOlderLayout(Store store) {
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void dropOldCopies() {
        if (store.views().getName().equals(store.database().getName())) {
            return;
        }
        Set<String> views = store.views().listCollectionNames().into(new HashSet<>());
        // The processors' positions: their threads may write the first of them a moment after the server is up.
        views.add(PROCESSOR_POSITIONS);
        List<String> dropped = new ArrayList<>();
        for (String collection : store.database().listCollectionNames()) {
            if (views.contains(collection)) {
                store.database().getCollection(collection).drop();
                dropped.add(collection);
            }
        }
        if (!dropped.isEmpty()) {
            store.durability().makeDurable();
            log.info("Dropped the copies of views an older version kept among the records (they are rebuilt apart): {}", dropped);
        }
    }
}
