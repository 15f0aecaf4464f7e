package app.rapport.api;

import app.rapport.application.account.TooManySignIns;
import app.rapport.application.account.Unauthenticated;
import app.rapport.application.messaging.ViewCatchUp;
import app.rapport.application.messaging.WriteAdmission;
import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.DomainException;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.NotFound;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * Turns every exception of a query, mutation or subscription into a GraphQL error a person can act on, with a
 * classification ({@link RapportErrorType}) and, for input at fault, the {@code field} in its extensions.
 * Anything unexpected becomes {@code INTERNAL_ERROR} with an id to find it in the log: never a stack trace or an
 * exception's text, which may hold what the person typed.
 */
@Component
public class GraphQlErrors extends DataFetcherExceptionResolverAdapter implements SubscriptionExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        return errorFor(exception, GraphqlErrorBuilder.newError(environment), environment.getExecutionStepInfo().getPath().toString());
    }

    /** Errors that end a subscription's stream after it started. */
    @Override
    public Mono<List<GraphQLError>> resolveException(Throwable exception) {
        return Mono.just(List.of(errorFor(exception, GraphqlErrorBuilder.newError(), "a subscription")));
    }

    private static GraphQLError errorFor(Throwable exception, GraphqlErrorBuilder<?> error, String where) {
        Throwable cause = exception instanceof CompletionException && exception.getCause() != null ? exception.getCause() : exception;
        if (cause instanceof Unauthenticated) {
            return error.errorType(RapportErrorType.UNAUTHORIZED).message(cause.getMessage()).build();
        }
        if (cause instanceof DomainException refused) {
            error.errorType(classificationOf(refused)).message(refused.getMessage());
            if (refused.field() != null) {
                error.extensions(Map.of("field", refused.field()));
            }
            return error.build();
        }
        if (cause instanceof WriteAdmission.TooBusy busy) {
            return error.errorType(RapportErrorType.TOO_BUSY)
                        .message(busy.getMessage())
                        .extensions(Map.of("saved", false, "retryAfterSeconds", Math.max(1, busy.retryAfter().toSeconds())))
                        .build();
        }
        if (cause instanceof TooManySignIns throttled) {
            return error.errorType(RapportErrorType.TOO_MANY_REQUESTS)
                        .message(throttled.getMessage())
                        .extensions(Map.of("retryAfterSeconds", Math.max(1, throttled.retryAfter().toSeconds())))
                        .build();
        }
        if (cause instanceof ViewCatchUp.ViewsLagging lagging) {
            return error.errorType(RapportErrorType.VIEWS_BEHIND)
                        .message(lagging.getMessage())
                        .extensions(lagging.view().<Map<String, Object>>map(view -> Map.of("saved", true, "staleView", view))
                                           .orElse(Map.of("saved", true)))
                        .build();
        }
        if (cause instanceof BindException binding && binding.getFieldError() != null) {
            // An argument that could not be converted, e.g. a value of no enum constant.
            FieldError field = binding.getFieldError();
            return error.errorType(RapportErrorType.BAD_REQUEST)
                        .message(field.getField() + " has a value of the wrong type or form")
                        .extensions(Map.of("field", field.getField()))
                        .build();
        }
        String id = UUID.randomUUID().toString();
        log.error("Unexpected failure at {}, error id {}", where, id, cause);
        return error.errorType(ErrorType.INTERNAL_ERROR)
                    .message("Something went wrong on our side; the error was logged with id " + id)
                    .build();
    }

    private static ErrorClassification classificationOf(DomainException refused) {
        if (refused instanceof InvalidInput) {
            return RapportErrorType.BAD_REQUEST;
        }
        if (refused instanceof NotFound) {
            return RapportErrorType.NOT_FOUND;
        }
        if (refused instanceof Conflict) {
            return RapportErrorType.CONFLICT;
        }
        return RapportErrorType.BAD_REQUEST;
    }
}
