package app.rapport.api.account;

import app.rapport.api.RapportErrorType;
import app.rapport.api.EveryRequestCheck;
import app.rapport.application.account.Unauthenticated;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.Node;
import graphql.util.TraversalControl;
import graphql.schema.GraphQLSchema;
import graphql.util.TraverserContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The schema is shown to signed-in callers only, and to nobody when {@code rapport.graphql.introspection=false} (the
 * {@code production} profile): a stranger learns nothing about the API by asking it. {@code __typename} stays free.
 */
@Component
class IntrospectionForMembers extends EveryRequestCheck {

    private final CallerAuthentication authentication;
    private final boolean enabled;

    IntrospectionForMembers(CallerAuthentication authentication, @Value("${rapport.graphql.introspection:true}") boolean enabled) {
        this.authentication = authentication;
        this.enabled = enabled;
    }

    @Override
    protected void check(ExecutionInput input, Document document, GraphQLSchema schema) {
        // Most requests name neither field: spare them the walk over the document.
        String query = input.getQuery();
        boolean mayAsk = query == null || query.contains("__schema") || query.contains("__type");
        if (mayAsk && asksForTheSchema(document)) {
            if (!enabled) {
                throw refusal(RapportErrorType.FORBIDDEN, "This server does not describe its schema (rapport.graphql.introspection=false)");
            }
            try {
                authentication.authenticate(input.getGraphQLContext());
            } catch (Unauthenticated stranger) {
                throw refusal(RapportErrorType.UNAUTHORIZED, CallerAuthentication.SIGN_IN_FIRST + " to read the schema");
            }
        }
    }

    private static boolean asksForTheSchema(Document document) {
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
