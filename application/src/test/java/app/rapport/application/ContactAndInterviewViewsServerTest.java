package app.rapport.application;

import app.rapport.application.contact.ContactView;
import app.rapport.application.contact.FindContact;
import app.rapport.application.eventstore.EventStoreConfiguration;
import app.rapport.application.interview.FindInterview;
import app.rapport.application.interview.InterviewView;
import app.rapport.application.storage.StorageConfiguration;
import app.rapport.application.views.ViewFailures;
import app.rapport.application.views.ViewProgress;
import app.rapport.domain.contact.AddContact;
import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.contact.LogTouch;
import app.rapport.domain.interview.InterviewStatus;
import app.rapport.domain.interview.RequestInterview;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.NotFound;
import app.rapport.domain.shared.OwnerId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import app.rapport.application.contact.ContactUseCases;
import app.rapport.application.interview.InterviewUseCases;
import org.springframework.context.annotation.Import;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Axon and Spring as the server wires them, on the embedded store: commands reach the registered aggregates,
 * whose command handlers get the contact directory injected, and the view processors bring the events into
 * the views, across a restart too.
 */
class ContactAndInterviewViewsServerTest {

    static final OwnerId OWNER = new OwnerId("user-1");
    static final ContactId DANA = new ContactId(OWNER, "dana");
    static final InterviewId INTERVIEW = new InterviewId(OWNER, "i-1");

    @TempDir
    Path dataDir;


    @Test
    void commandsReachTheAggregatesAndTheViewsShowTheirEvents() {
        try (ConfigurableApplicationContext server = ApplicationContexts.start(ViewsApplication.class, dataDir)) {
            CommandGateway commands = server.getBean(CommandGateway.class);
            QueryGateway queries = server.getBean(QueryGateway.class);

            commands.sendAndWait(new AddContact(DANA, "Dana", "Reyes", null, "Dr.", "Staff Engineer", "Acme",
                                                List.of("dana@example.org"), List.of(), null, ContactSource.ALUMNI,
                                                null, List.of("mentor"), null, false));
            ContactView dana = awaitContact(queries, view -> true);
            assertThat(dana.displayName()).isEqualTo("Dana Reyes");
            assertThat(dana.salutation()).isEqualTo("Dr.");

            commands.sendAndWait(new RequestInterview(INTERVIEW, DANA, Channel.EMAIL, 20, "learn about platform teams",
                                                      null, false, null));
            InterviewView interview = await().atMost(Duration.ofSeconds(10))
                    .until(() -> findInterview(queries), Optional::isPresent).orElseThrow();
            assertThat(interview.contactId()).isEqualTo(DANA);
            assertThat(interview.status()).isEqualTo(InterviewStatus.REQUESTED);
            assertThat(awaitContact(queries, view -> !view.interviewIds().isEmpty()).interviewIds())
                    .containsExactly(INTERVIEW);

            // The directory refuses a contact nobody added, through the same injection.
            assertThatThrownBy(() -> commands.sendAndWait(new RequestInterview(
                    new InterviewId(OWNER, "i-2"), new ContactId(OWNER, "nobody"), Channel.EMAIL, 20, null, null,
                    false, null)))
                    .satisfies(refusal -> assertThat(causes(refusal)).hasAtLeastOneElementOfType(NotFound.class));
        }

        try (ConfigurableApplicationContext restarted = ApplicationContexts.start(ViewsApplication.class, dataDir)) {
            CommandGateway commands = restarted.getBean(CommandGateway.class);
            QueryGateway queries = restarted.getBean(QueryGateway.class);
            assertThat(findInterview(queries)).as("the views are kept").isPresent();

            Instant touched = Instant.now().minus(Duration.ofHours(1));
            commands.sendAndWait(new LogTouch(DANA, touched, Channel.PHONE, null, INTERVIEW));

            ContactView touchedDana = awaitContact(queries, view -> view.version() == 1);
            assertThat(touchedDana.lastTouchAt()).isEqualTo(touched);
            assertThat(touchedDana.interviewIds()).as("nothing applied twice").containsExactly(INTERVIEW);
        }
    }

    private static ContactView awaitContact(QueryGateway queries, Predicate<ContactView> condition) {
        return await().atMost(Duration.ofSeconds(10))
                      .until(() -> queries.query(new FindContact(DANA), ResponseTypes.optionalInstanceOf(ContactView.class))
                                          .join(),
                             found -> found.filter(condition).isPresent())
                      .orElseThrow();
    }

    private static Optional<InterviewView> findInterview(QueryGateway queries) {
        return queries.query(new FindInterview(INTERVIEW), ResponseTypes.optionalInstanceOf(InterviewView.class)).join();
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = thrown; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }


    /** The storage, Axon wiring and the two views; not the rest of the application. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({StorageConfiguration.class, EventStoreConfiguration.class, DomainConfiguration.class, ViewProcessing.class,
             ViewFailures.class, ViewProgress.class})
    @ComponentScan(basePackageClasses = {FindContact.class, FindInterview.class},
                   // the views alone: the use cases that send commands as an actor are not under test here
                   excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                                                          classes = {ContactUseCases.class, InterviewUseCases.class}))
    static class ViewsApplication {
    }
}
