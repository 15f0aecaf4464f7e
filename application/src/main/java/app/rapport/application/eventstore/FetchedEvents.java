package app.rapport.application.eventstore;

import org.axonframework.eventhandling.TrackedEventData;

import java.util.List;

/**
 * Told of each window of stored events a tracking reader fetched, before any of them is opened, so that what opening
 * them needs (their contacts' keys) can be read for the whole window at once instead of event by event.
 */
@FunctionalInterface
public interface FetchedEvents {

    FetchedEvents NONE = window -> {
    };

    void fetched(List<? extends TrackedEventData<?>> window);
}
