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

    ConsistentCommandGateway(CommandGateway commands, ViewCatchUp views) {
        this.commands = commands;
        this.views = views;
    }

    public <R> R send(Object command, String actor) {
        AppendedPosition.clear();
        R result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                             .andMetaData(MetaData.with(ACTOR, actor)));
        AppendedPosition.take().ifPresent(views::awaitProcessed);
        return result;
    }
}
