package app.rapport.application.messaging;

import app.rapport.application.ViewProcessing;
import app.rapport.application.eventstore.AppendedPositions;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
    private final AppendedPositions appended;
    private final Map<String, Long> latestWrites = new ConcurrentHashMap<>();

    ConsistentCommandGateway(CommandGateway commands, ViewCatchUp views, WriteAdmission admission,
                             AppendedPositions appended) {
        this.commands = commands;
        this.appended = appended;
        this.views = views;
        this.admission = admission;
    }

    /**
     * @throws WriteAdmission.TooBusy         when too many of the actor's writes are running or waiting: nothing was stored
     * @throws ViewCatchUp.ViewsLagging when the write was stored but the views did not show it in time
     */
    public <R> R send(Object command, String actor) {
        return admission.admit(actor, () -> {
            CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command)
                                                                  .andMetaData(MetaData.with(ACTOR, actor));
            appended.expect(message.getIdentifier());
            R result;
            OptionalLong lastAppended;
            try {
                result = commands.sendAndWait(message);
            } finally {
                lastAppended = appended.take(message.getIdentifier());
            }
            lastAppended.ifPresent(position -> {
                latestWrites.merge(actor, position, Math::max);
                views.awaitProcessed(position, ViewProcessing.ENTITY_VIEWS);
            });
            return result;
        });
    }

    /**
     * Sends many commands of one actor as one write: handled one after the other in a single unit of work, so the
     * events of all of them are appended in one commit, made durable once, and waited for once. A command that is
     * refused (invalid input, a conflict) is left out and its refusal returned at its place; the others are stored.
     * Admitted as one write of the actor's.
     *
     * @return per command, in order: null when it was handled, or why it was refused
     * @throws WriteAdmission.TooBusy   when too many of the actor's writes are running or waiting: nothing was stored
     * @throws ViewCatchUp.ViewsLagging when the writes were stored but the views did not show them in time
     */
    public List<RuntimeException> sendAll(List<?> batch, String actor) {
        return admission.admit(actor, () -> {
            List<CommandMessage<Object>> messages = batch.stream()
                    .map(command -> GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.with(ACTOR, actor)))
                    .toList();
            messages.forEach(message -> appended.expect(message.getIdentifier()));
            List<RuntimeException> refusals = new ArrayList<>(Collections.nCopies(messages.size(), null));
            long lastAppended = -1;
            try {
                DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch of " + messages.size())).execute(() -> {
                    for (int i = 0; i < messages.size(); i++) {
                        try {
                            commands.sendAndWait(messages.get(i));
                        } catch (RuntimeException refused) {
                            refusals.set(i, refused); // its own unit of work rolled back; the batch goes on
                        }
                    }
                });
            } finally {
                for (CommandMessage<Object> message : messages) {
                    lastAppended = Math.max(lastAppended, appended.take(message.getIdentifier()).orElse(-1));
                }
            }
            if (lastAppended >= 0) {
                latestWrites.merge(actor, lastAppended, Math::max);
                views.awaitProcessed(lastAppended, ViewProcessing.ENTITY_VIEWS);
            }
            return refusals;
        });
    }

    /** Returns once the view shows the actor's latest write; at once when it does already. */
    public void awaitOwnWrites(String actor, String view) {
        awaitOwnWritesIn(actor, List.of(view));
    }

    /** Returns once every view shows the actor's latest write. */
    public void awaitOwnWrites(String actor) {
        awaitOwnWritesIn(actor, null);
    }

    /** @param names the view processors to wait for; all of them when null */
    private void awaitOwnWritesIn(String actor, List<String> names) {
        Long latest = latestWrites.get(actor);
        if (latest == null) {
            return;
        }
        views.awaitProcessed(latest, names);
        if (views.reached(latest, null)) {
            // Every view shows it: nothing is left to wait for, and the actor costs no memory until it writes again.
            latestWrites.remove(actor, latest);
        }
    }
}
