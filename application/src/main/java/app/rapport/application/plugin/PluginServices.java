package app.rapport.application.plugin;

import app.rapport.application.batch.ContactBatch;
import app.rapport.application.contact.ContactUseCases;
import app.rapport.application.messaging.ConsistentCommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The application's use cases and queries a plugin's operations run: the same ones the API calls. Looked up when a
 * plugin first uses them, after the server has started, since plugins are set up before the event processors.
 */
@Component
record PluginServices(ContactUseCases contacts, ContactBatch batch, ConsistentCommandGateway commands,
                      QueryGateway queries) {
}
