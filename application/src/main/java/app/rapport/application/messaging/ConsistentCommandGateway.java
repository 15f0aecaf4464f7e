package app.rapport.application.messaging;

import app.rapport.application.eventstore.AppendedPosition;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of an actor ({@code user:<id>} or {@code plugin:<id>}) and returns once the views
 * show its effect, so the caller reads its own write. The actor travels in the command's metadata and from
 * there into every event the command causes, where the audit history shows it.
 */
@Component
public class ConsistentCommandGateway {

    public static final String ACTOR = "actor";

    private final CommandGateway commands;
    private final ViewCatchUp views;
    private final WriteAdmission admission;

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
            AppendedPosition.take().ifPresent(views::awaitProcessed);
            return result;
        });
    }
}
