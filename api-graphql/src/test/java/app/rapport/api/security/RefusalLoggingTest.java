package app.rapport.api.security;

import app.rapport.api.support.RunningServer;
import app.rapport.api.support.SharedServer;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Refused requests, which anyone can send by the thousand, leave nothing above DEBUG in the log. */
@ExtendWith(SharedServer.class)
class RefusalLoggingTest {

    @Test
    void refusedAndInvalidRequestsLogNoWarningsAndNoStackTraces(RunningServer server) {
        RunningServer.User maya = server.signUpFreshUser();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            for (int i = 0; i < 20; i++) {
                maya.graphQl("mutation { logTouch(input: {contactId: \"nobody" + i + "\", at: \"2026-01-05T10:00:00Z\", channel: EMAIL}) { id } }", Map.of())
                    .assertRefused("NOT_FOUND", "contactId");
                maya.graphQl("mutation { confirmMeeting(input: {interviewId: \"nope" + i + "\", startsAt: \"2026-12-01T10:00:00Z\", "
                             + "durationMinutes: 20, format: VIDEO, timeZone: \"UTC\"}) { id } }", Map.of())
                    .assertRefused("NOT_FOUND", "interviewId");
                maya.graphQl("{ contact(id: \"x\") { noSuchField } }", Map.of());
                maya.graphQl("{ contact(id: ", Map.of());
            }
        } finally {
            root.detachAppender(captured);
        }

        assertThat(captured.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                                 .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        assertThat(captured.list).filteredOn(event -> event.getThrowableProxy() != null).isEmpty();
    }
}
