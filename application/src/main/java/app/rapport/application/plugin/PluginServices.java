package app.rapport.application.plugin;

import app.rapport.application.batch.ContactBatch;
import app.rapport.application.contact.ContactUseCases;
import app.rapport.application.interview.InterviewUseCases;
import app.rapport.application.messaging.ConsistentCommandGateway;
import app.rapport.application.messaging.RecentCallers;
import app.rapport.application.messaging.ViewCatchUp;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;

/**
 * The application's use cases and queries a plugin's operations run: the same ones the API calls. Looked up when a
 * plugin first uses them, after the server has started, since plugins are set up before the event processors.
 */
@Component
record PluginServices(ContactUseCases contacts, InterviewUseCases interviews, ContactBatch batch, ConsistentCommandGateway commands,
                      QueryGateway queries, ViewCatchUp views, EventStore events, RecentCallers callers) {

    /**
     * Returns once the views show every event stored so far: what a plugin reads after this includes everything
     * written before, by anyone.
     *
     * @param names the view processors to wait for; all when null
     */
    void awaitEverythingStored(Collection<String> names, Duration patience) {
        if (events.createHeadToken() instanceof GapAwareTrackingToken head) {
            views.awaitProcessed(head.getIndex(), names, patience);
        }
    }
}
