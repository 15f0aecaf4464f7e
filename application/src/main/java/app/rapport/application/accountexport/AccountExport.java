package app.rapport.application.accountexport;

import app.rapport.application.account.Account;
import app.rapport.application.account.AccountService;
import app.rapport.application.contact.ContactView;
import app.rapport.application.contact.FindContacts;
import app.rapport.application.history.FindRelationshipHistory;
import app.rapport.application.history.HistoryEntryView;
import app.rapport.application.history.HistoryPage;
import app.rapport.application.interview.FindInterviews;
import app.rapport.application.interview.InterviewView;
import app.rapport.application.overview.ContactPage;
import app.rapport.application.overview.FindContactPage;
import app.rapport.application.overview.FindInterviewPage;
import app.rapport.application.overview.InterviewPage;
import app.rapport.application.overview.PageSize;
import app.rapport.application.question.FindQuestionBank;
import app.rapport.application.question.QuestionView;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.interview.ReferralId;
import app.rapport.domain.question.QuestionId;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Everything an account owns as one JSON document, written as it is read (a page of contacts at a time), so that
 * 30,000 contacts take no more memory than a page: the account, every contact with the full history of the
 * relationship (who did each step, when), every interview with its notes and referrals, and the question bank.
 * Forgotten contacts are not in it: nothing of them is left to give.
 */
@Component
public class AccountExport {

    /** What the file says it is, so that a later Rapport can read an older file. */
    public static final String FORMAT = "rapport-account-export/1";

    private final AccountService accounts;
    private final QueryGateway queries;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    AccountExport(AccountService accounts, QueryGateway queries, ObjectMapper json) {
        this.accounts = accounts;
        this.queries = queries;
        this.json = json.copy().registerModule(idsAsText());
    }

    /** The file is the owner's: an id reads as the id they chose or were given, without the owner's around it. */
    private static SimpleModule idsAsText() {
        SimpleModule ids = new SimpleModule("ids-as-text");
        ids.addSerializer(new IdAsText<>(OwnerId.class, OwnerId::value));
        ids.addSerializer(new IdAsText<>(ContactId.class, ContactId::value));
        ids.addSerializer(new IdAsText<>(InterviewId.class, InterviewId::value));
        ids.addSerializer(new IdAsText<>(QuestionId.class, QuestionId::value));
        ids.addSerializer(new IdAsText<>(ReferralId.class, ReferralId::value));
        return ids;
    }

    /** Writes a typed id as its text. */
    private static final class IdAsText<T> extends StdSerializer<T> {

        private final Function<T, String> text;

        IdAsText(Class<T> type, Function<T, String> text) {
            super(type);
            this.text = text;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(text.apply(value));
        }
    }

    public void write(OwnerId owner, OutputStream out) throws IOException {
        Account account = accounts.account(owner).orElseThrow(() -> new IllegalStateException("No account " + owner));
        try (JsonGenerator file = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            file.useDefaultPrettyPrinter();
            file.writeStartObject();
            file.writeStringField("format", FORMAT);
            file.writeStringField("exportedAt", clock.instant().toString());
            file.writeObjectField("account", account);
            file.writeArrayFieldStart("contacts");
            writeContacts(owner, file);
            file.writeEndArray();
            file.writeArrayFieldStart("interviews");
            writeInterviews(owner, file);
            file.writeEndArray();
            file.writeObjectField("questionBank", queries.query(new FindQuestionBank(owner), ResponseTypes.multipleInstancesOf(QuestionView.class)).join());
            file.writeEndObject();
        }
    }

    private void writeContacts(OwnerId owner, JsonGenerator file) throws IOException {
        String after = null;
        ContactPage page;
        do {
            page = queries.query(new FindContactPage(owner, PageSize.MAX, after, null, null, null), ResponseTypes.instanceOf(ContactPage.class)).join();
            if (page.entries().isEmpty()) {
                break;
            }
            List<ContactView> contacts = queries.query(new FindContacts(page.entries().stream().map(ContactPage.Entry::id).toList()),
                                                       ResponseTypes.multipleInstancesOf(ContactView.class)).join();
            for (ContactView contact : contacts) {
                file.writeStartObject();
                file.writeObjectField("contact", contact);
                file.writeArrayFieldStart("history");
                writeHistory(contact, file);
                file.writeEndArray();
                file.writeEndObject();
            }
            after = page.entries().get(page.entries().size() - 1).cursor();
        } while (page.hasNextPage());
    }

    private void writeHistory(ContactView contact, JsonGenerator file) throws IOException {
        long after = 0;
        HistoryPage page;
        do {
            page = queries.query(new FindRelationshipHistory(contact.id(), FindRelationshipHistory.MAX_PAGE, after),
                                 ResponseTypes.instanceOf(HistoryPage.class)).join();
            for (HistoryEntryView entry : page.entries()) {
                file.writeObject(entry);
                after = entry.sequence();
            }
        } while (page.hasNextPage() && !page.entries().isEmpty());
    }

    private void writeInterviews(OwnerId owner, JsonGenerator file) throws IOException {
        String after = null;
        InterviewPage page;
        do {
            page = queries.query(new FindInterviewPage(owner, PageSize.MAX, after, null), ResponseTypes.instanceOf(InterviewPage.class)).join();
            if (page.entries().isEmpty()) {
                break;
            }
            List<InterviewView> interviews = queries.query(new FindInterviews(page.entries().stream().map(InterviewPage.Entry::id).toList()),
                                                           ResponseTypes.multipleInstancesOf(InterviewView.class)).join();
            for (InterviewView interview : interviews) {
                file.writeObject(interview);
            }
            after = page.entries().get(page.entries().size() - 1).cursor();
        } while (page.hasNextPage());
    }
}
