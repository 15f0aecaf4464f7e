package app.rapport.application.messaging;

import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.NotFound;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends a command as an actor and turns the framework's refusals into the domain's, naming the input field: the
 * one way the API and plugins send a command to an existing aggregate.
 */
@Component
public class ActorCommands {

    private final ConsistentCommandGateway commands;

    ActorCommands(ConsistentCommandGateway commands) {
        this.commands = commands;
    }

    /**
     * Creates an aggregate under the client's id, once: when it exists already, a retried request (also one racing its
     * original) gets the existing one back and nothing is stored twice. The command is sent first, and the store's
     * refusal of a second stream under the id is what says it exists: a new id, by far the usual case, costs no read
     * before the write.
     *
     * @param find reads the aggregate's view
     * @return the view after the write; empty when the id is taken by nothing a view shows (a forgotten contact)
     */
    public <T> Optional<T> createOnce(Object command, String actor, String idField, String what, Supplier<Optional<T>> find) {
        try {
            send(command, actor, idField, what);
        } catch (Conflict taken) {
            return Optional.of(find.get().orElseThrow(() -> taken));
        }
        return find.get();
    }

    /**
     * @param target the input field naming the aggregate, and what it names ("interview"), for the refusal when
     *               the actor's owner has no such aggregate
     */
    public void send(Object command, String actor, String target, String what) {
        try {
            commands.send(command, actor);
        } catch (AggregateNotFoundException unknown) {
            throw new NotFound(target, target + " names no " + what + " of yours");
        } catch (AggregateStreamCreationException taken) {
            throw new Conflict(target, target + " is already the id of another " + what + " of yours");
        } catch (ConcurrencyException collision) {
            throw new Conflict(target, "this " + what + " was changed by another request at the same moment; try again");
        }
    }
}
