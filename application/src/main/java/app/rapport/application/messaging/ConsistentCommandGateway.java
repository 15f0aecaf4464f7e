package app.rapport.application.messaging;

import app.rapport.application.ViewProcessing;
import app.rapport.application.eventstore.AppendedPosition;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends a command on behalf of an actor ({@code user:<id>} or {@code plugin:<id>}) and returns once the views
 * its answer is read from show its effect ({@link ViewProcessing#ENTITY_VIEWS}); the actor's next query waits,
 * through {@link #awaitOwnWrites(String, String)}, for the other views to show it too. So the caller always reads its
 * own writes, and a mutation does not wait for views it does not read. The actor travels in the command's
 * metadata and from there into every event the command causes, where the audit history shows it.
 * <p>
 * The positions of the actors' latest writes are kept by this server: a query served by another server of a
 * cluster does not wait for them (see docs/read-side.md).
 */
@Component
public class ConsistentCommandGateway {

    public static final String ACTOR = "actor";

    private final CommandGateway commands;
    private final ViewCatchUp views;
    private final WriteAdmission admission;
    private final Map<String, Long> latestWrites = new ConcurrentHashMap<>();

    ConsistentCommandGateway(CommandGateway commands, ViewCatchUp views, WriteAdmission admission) {
        this.commands = commands;
        this.views = views;
        this.admission = admission;
    }

    /**
     * @throws WriteAdmission.TooBusy         when too many of the actor's writes are running or waiting: nothing was stored
     * @throws ViewCatchUp.ViewsLagging when the write was stored but the views did not show it in time
     */
    public <R> R send(Object command, String actor) {
        return admission.admit(actor, () -> {
            AppendedPosition.clear();
            R result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                                 .andMetaData(MetaData.with(ACTOR, actor)));
            AppendedPosition.take().ifPresent(position -> {
                latestWrites.merge(actor, position, Math::max);
                views.awaitProcessed(position, ViewProcessing.ENTITY_VIEWS);
            });
            return result;
        });
    }

    /** Returns once the view shows the actor's latest write; at once when it does already. */
    public void awaitOwnWrites(String actor, String view) {
        Long latest = latestWrites.get(actor);
        if (latest == null) {
            return;
        }
        views.awaitProcessed(latest, List.of(view));
        if (views.reached(latest, null)) {
            // Every view shows it: nothing is left to wait for, and the actor costs no memory until it writes again.
            latestWrites.remove(actor, latest);
        }
    }
}
