package app.rapport.api;

import graphql.ExecutionInput;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;

import java.util.List;

/**
 * A check of a request's document that depends on the request (its variables, its caller, its transport), so it must
 * run on every request: before validation when the document is new, and before execution when it is one this server
 * already knows, whose validation is skipped. A refusal is an
 * {@link graphql.execution.AbortExecutionException}.
 */
public abstract class EveryRequestCheck extends SimplePerformantInstrumentation {

    /** Whether this request's document was checked before its validation. */
    private static final class Checked implements InstrumentationState {
        private boolean beforeValidation;
    }

    /** Refuses the request by throwing, or returns. */
    protected abstract void check(ExecutionInput input, Document document, GraphQLSchema schema);

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Checked();
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                        InstrumentationState state) {
        check(parameters.getExecutionInput(), parameters.getDocument(), parameters.getSchema());
        ((Checked) state).beforeValidation = true;
        return super.beginValidation(parameters, state);
    }

    @Override
    public ExecutionContext instrumentExecutionContext(ExecutionContext context, InstrumentationExecutionParameters parameters,
                                                       InstrumentationState state) {
        if (!((Checked) state).beforeValidation) {
            check(context.getExecutionInput(), context.getDocument(), context.getGraphQLSchema());
        }
        return context;
    }
}
