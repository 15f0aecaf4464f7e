package app.rapport.application;

import app.rapport.application.messaging.ConsistentCommandGateway;
import app.rapport.application.storage.Store;
import app.rapport.domain.contact.AddContact;
import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.contact.ForgetContact;
import app.rapport.domain.contact.LogTouch;
import app.rapport.domain.contact.SetFollowUpCadence;
import app.rapport.domain.interview.Answer;
import app.rapport.domain.interview.ConfirmMeeting;
import app.rapport.domain.interview.MeetingFormat;
import app.rapport.domain.interview.RecordNotes;
import app.rapport.domain.interview.RecordReferral;
import app.rapport.domain.interview.ReferralId;
import app.rapport.domain.interview.RequestInterview;
import app.rapport.domain.interview.SendThanks;
import app.rapport.domain.question.AddQuestion;
import app.rapport.domain.question.QuestionId;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Views are disposable: thrown away and replayed from the events, they come back identical. */
class ViewRebuildTest {

    static final OwnerId MAYA = new OwnerId("maya");
    static final ContactId DANA = new ContactId(MAYA, "dana");
    static final ContactId RAVI = new ContactId(MAYA, "ravi");
    static final ContactId GONE = new ContactId(MAYA, "gone");
    static final InterviewId CHAT = new InterviewId(MAYA, "chat");

    @TempDir
    Path dataDir;


    @Test
    void droppedViewsRebuiltFromTheEventsAreIdentical() {
        try (ConfigurableApplicationContext server = ApplicationContexts.start(Application.class, dataDir)) {
            ConsistentCommandGateway commands = server.getBean(ConsistentCommandGateway.class);
            recordAWorkflow(commands);
            commands.awaitOwnWrites("user:" + MAYA.value());
            Store store = server.getBean(Store.class);
            Map<String, List<Document>> before = views(store);
            assertThat(before.values()).as("the workflow reached every view").allSatisfy(documents -> assertThat(documents).isNotEmpty());

            before.keySet().forEach(collection -> store.views().getCollection(collection).drop());
            assertThat(views(store).values()).allSatisfy(documents -> assertThat(documents).isEmpty());

            server.getBean(ViewRebuild.class).rebuildAll(Duration.ofSeconds(60));

            Map<String, List<Document>> after = views(store);
            before.forEach((collection, documents) -> assertThat(after.get(collection)).as(collection).isEqualTo(documents));
        }
    }

    private static void recordAWorkflow(ConsistentCommandGateway commands) {
        String actor = "user:" + MAYA.value();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant met = now.minus(Duration.ofDays(2));
        commands.send(new AddContact(DANA, "Dana", "Reyes", null, "Dr.", "Staff Engineer", "Acme", List.of("dana@acme.example"),
                                     List.of(), null, ContactSource.ALUMNI, "2015 directory", List.of("mentor"), null, false), actor);
        commands.send(new AddContact(GONE, "Forgotten", "Person", null, null, null, "Globex", List.of(), List.of(), null,
                                     ContactSource.OTHER, null, List.of(), null, false), actor);
        commands.send(new RequestInterview(CHAT, DANA, Channel.EMAIL, 20, "platform teams", null, false, now.minus(Duration.ofDays(5))), actor);
        commands.send(new ConfirmMeeting(CHAT, met, 30, MeetingFormat.VIDEO, null, "America/Chicago"), actor);
        commands.send(new RecordNotes(CHAT, met.plus(Duration.ofMinutes(30)), "Great chat",
                                      List.of(new Answer("Typical week?", "Reviews")), "Write more", null), actor);
        commands.send(new AddContact(RAVI, "Ravi", "Iyer", null, null, null, "Initech", List.of(), List.of(), null,
                                     ContactSource.REFERRAL, null, List.of(), DANA, true), actor);
        commands.send(new RecordReferral(CHAT, new ReferralId(MAYA, "r1"), RAVI, true, "Leads data"), actor);
        commands.send(new SendThanks(CHAT, now.minus(Duration.ofDays(1)), Channel.EMAIL, "Thank you"), actor);
        commands.send(new SetFollowUpCadence(DANA, 30), actor);
        commands.send(new LogTouch(RAVI, now.minus(Duration.ofHours(3)), Channel.PHONE, "Quick call", null), actor);
        commands.send(new AddQuestion(new QuestionId(MAYA, "q1"), "How did you start?", "career path"), actor);
        commands.send(new ForgetContact(GONE), actor);
    }

    /** Every document of every view collection, in key order. */
    private static Map<String, List<Document>> views(Store store) {
        Map<String, List<Document>> views = new LinkedHashMap<>();
        for (String collection : List.of("contact_views", "interview_views", "referral_views", "contact_interviews",
                                         "question_bank_views", "owner_contact_index", "owner_interview_index", "owner_index_members",
                                         "contact_graph_contacts", "contact_graph_organizations", "contact_graph_organization_members", "contact_graph_met", "relationship_history")) {
            views.put(collection, store.views().getCollection(collection).find()
                                       .sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return views;
    }


    /** The whole application module, as the server runs it, without the web. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    // Other tests' configurations live in these packages too; this test brings only its own.
    @ComponentScan(basePackages = "app.rapport.application", excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
    static class Application {
    }
}
