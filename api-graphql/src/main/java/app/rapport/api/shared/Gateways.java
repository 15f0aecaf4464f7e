package app.rapport.api.shared;

import app.rapport.api.account.Caller;
import app.rapport.application.contact.ContactView;
import app.rapport.application.contact.FindContacts;
import app.rapport.application.interview.FindInterviews;
import app.rapport.application.interview.InterviewView;
import app.rapport.application.messaging.ActorCommands;
import app.rapport.application.messaging.ConsistentCommandGateway;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.InterviewId;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The command and query gateways as controllers use them: a command is sent as the caller and returns once the
 * views show it; a command for an aggregate that does not exist among the caller's is refused as not found.
 */
@Component
public class Gateways {

    private final ConsistentCommandGateway commands;
    private final ActorCommands actorCommands;
    private final QueryGateway queries;

    Gateways(ConsistentCommandGateway commands, ActorCommands actorCommands, QueryGateway queries) {
        this.commands = commands;
        this.actorCommands = actorCommands;
        this.queries = queries;
    }

    /**
     * @param target the input field naming the aggregate, and what it names ("interview"), for the refusal
     *               when there is no such aggregate of the caller's
     */
    public void send(Object command, Caller caller, String target, String what) {
        actorCommands.send(command, caller.actor(), target, what);
    }

    /**
     * Asks a query of one of the lists, dashboard, graph or history views once that view shows the caller's latest
     * write: a mutation waits only for the views its answer is read from.
     *
     * @param view the processing group of the view the query reads
     */
    public <R> R askAfterOwnWrites(Caller caller, String view, Object query, ResponseType<R> responseType) {
        commands.awaitOwnWrites(caller.actor(), view);
        return ask(query, responseType);
    }

    public <R> R ask(Object query, ResponseType<R> responseType) {
        return queries.query(query, responseType).join();
    }

    /** The contacts with these ids, by id, in one query: how nested lists are batched. Null ids and ids of no contact are left out. */
    public Map<ContactId, ContactView> contactsById(Collection<ContactId> ids) {
        List<ContactId> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return ask(new FindContacts(wanted), ResponseTypes.multipleInstancesOf(ContactView.class)).stream()
                .collect(Collectors.toMap(ContactView::id, Function.identity()));
    }

    /** The interviews with these ids, by id, in one query. Null ids and ids of no interview are left out. */
    public Map<InterviewId, InterviewView> interviewsById(Collection<InterviewId> ids) {
        List<InterviewId> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return ask(new FindInterviews(wanted), ResponseTypes.multipleInstancesOf(InterviewView.class)).stream()
                .collect(Collectors.toMap(InterviewView::id, Function.identity()));
    }
}
