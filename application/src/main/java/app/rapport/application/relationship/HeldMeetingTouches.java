package app.rapport.application.relationship;

import app.rapport.application.ViewProcessing;
import app.rapport.application.interview.FindInterview;
import app.rapport.application.interview.InterviewView;
import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.LogTouch;
import app.rapport.domain.interview.MeetingFormat;
import app.rapport.domain.interview.NotesRecorded;
import app.rapport.domain.shared.NotFound;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * A held meeting is a touch: when its notes are first recorded, the contact's follow-up clock restarts from the
 * meeting. This runs for notes from any source (the API, a plugin), in its own processor so it retries after a
 * failure; the contact ignores a meeting it already logged, so a redelivered event logs nothing twice. The
 * touch carries the actor of the notes, copied from the event's metadata by Axon.
 */
@Component
@ProcessingGroup(HeldMeetingTouches.PROCESSING_GROUP)
class HeldMeetingTouches {

    static final String PROCESSING_GROUP = "meeting-touches";

    private static final Logger log = LoggerFactory.getLogger(HeldMeetingTouches.class);

    private final CommandGateway commands;
    private final QueryGateway queries;

    HeldMeetingTouches(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @EventHandler
    void on(NotesRecorded notes) {
        if (notes.amended()) {
            return;
        }
        try {
            commands.sendAndWait(new LogTouch(notes.contactId(), notes.heldAt(), channelOf(notes), null, notes.interviewId()));
        } catch (NotFound forgotten) {
            log.debug("No follow-up touch for a meeting with a contact that is gone: {}", forgotten.getMessage());
        }
    }

    private Channel channelOf(NotesRecorded notes) {
        return queries.query(new FindInterview(notes.interviewId()), ResponseTypes.optionalInstanceOf(InterviewView.class))
                      .join()
                      .map(InterviewView::meeting)
                      .map(meeting -> channelOf(meeting.format()))
                      .orElse(Channel.OTHER);
    }

    static Channel channelOf(MeetingFormat format) {
        return switch (format) {
            case VIDEO -> Channel.VIDEO;
            case PHONE -> Channel.PHONE;
            case IN_PERSON, OBSERVATIONAL_VISIT -> Channel.IN_PERSON;
        };
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Processing {

        /** One segment from the tail; a failure stops the processor and is retried rather than skipped. */
        @Bean
        ConfigurerModule heldMeetingTouchesProcessor() {
            return configurer -> ViewProcessing.registerInOrder(configurer.eventProcessing(), PROCESSING_GROUP);
        }
    }
}
