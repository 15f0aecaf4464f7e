package app.rapport.api.account;

import app.rapport.api.RapportErrorType;
import app.rapport.application.account.Unauthenticated;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.Node;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The schema is shown to signed-in callers only, and to nobody when {@code rapport.graphql.introspection=false} (the
 * {@code production} profile): a stranger learns nothing about the API by asking it. {@code __typename} stays free.
 */
@Component
class IntrospectionForMembers extends SimplePerformantInstrumentation {

    private final CallerAuthentication authentication;
    private final boolean enabled;

    IntrospectionForMembers(CallerAuthentication authentication, @Value("${rapport.graphql.introspection:true}") boolean enabled) {
        this.authentication = authentication;
        this.enabled = enabled;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                        InstrumentationState state) {
        // Most requests name neither field: spare them the walk over the document.
        String query = parameters.getExecutionInput().getQuery();
        boolean mayAsk = query == null || query.contains("__schema") || query.contains("__type");
        if (mayAsk && asksForTheSchema(parameters.getDocument())) {
            if (!enabled) {
                throw refusal(RapportErrorType.FORBIDDEN, "This server does not describe its schema (rapport.graphql.introspection=false)");
            }
            try {
                authentication.authenticate(parameters.getExecutionInput().getGraphQLContext());
            } catch (Unauthenticated stranger) {
                throw refusal(RapportErrorType.UNAUTHORIZED, CallerAuthentication.SIGN_IN_FIRST + " to read the schema");
            }
        }
        return super.beginValidation(parameters, state);
    }

    private static boolean asksForTheSchema(graphql.language.Document document) {
        AtomicBoolean found = new AtomicBoolean();
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitField(Field field, TraverserContext<Node> context) {
                if (field.getName().equals("__schema") || field.getName().equals("__type")) {
                    found.set(true);
                    return TraversalControl.QUIT;
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return found.get();
    }

    private static AbortExecutionException refusal(RapportErrorType type, String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().errorType(type).message(message).build()));
    }
}
