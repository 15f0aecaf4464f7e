package app.rapport.api;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests that graphql-java refuses before any controller runs (a value of the wrong type or form, a missing
 * required field, an unknown field) are bad requests like any other: classified {@code BAD_REQUEST}, naming the
 * input field where the message tells it (or, for a variable, the field of it that does not fit), so clients handle
 * every invalid input one way.
 */
@Component
class RequestValidationErrors implements WebGraphQlInterceptor {

    /**
     * "missing required fields '[at]'", "argument 'input.at' with value …", "contains a field name 'nickname' that is
     * not defined", "Variable 'input' has an invalid value …".
     */
    private static final List<Pattern> FIELD_MENTIONS = List.of(
            Pattern.compile("missing required fields '\\[([A-Za-z0-9_]+)"),
            Pattern.compile("argument '([A-Za-z0-9_.]+)'"),
            Pattern.compile("input field '?([A-Za-z0-9_.]+)'?"),
            Pattern.compile("[Ff]ield '([A-Za-z0-9_.]+)'"),
            Pattern.compile("field name '([A-Za-z0-9_]+)'"),
            Pattern.compile("Variable '([A-Za-z0-9_]+)'"));

    /** graphql-java's names of literals, e.g. {@code StringValue{value='ten'}}: a person reads {@code "ten"}. */
    private static final Pattern LITERAL = Pattern.compile("(String|Int|Float|Boolean|Enum)Value\\{(?:value|name)=('?)(.*?)\\2}");

    /** graphql-java's refusal of a variable, which names the variable only. */
    private static final Pattern INVALID_VARIABLE = Pattern.compile("^Variable '([A-Za-z0-9_]+)' has an invalid value: (.*)$", Pattern.DOTALL);

    private final ObjectProvider<GraphQlSource> graphQl;

    RequestValidationErrors(ObjectProvider<GraphQlSource> graphQl) {
        this.graphQl = graphQl;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> response.getErrors().stream().noneMatch(RequestValidationErrors::isValidationError)
                ? response
                : response.transform(builder -> builder.errors(response.getErrors().stream().map(error -> classified(error, request)).toList())));
    }

    private static boolean isValidationError(ResponseError error) {
        return error.getErrorType() == ErrorType.ValidationError || error.getErrorType() == ErrorType.InvalidSyntax;
    }

    private GraphQLError classified(ResponseError error, WebGraphQlRequest request) {
        String message = error.getMessage();
        String field = null;
        Matcher invalidVariable = INVALID_VARIABLE.matcher(message == null ? "" : message);
        if (isValidationError(error) && invalidVariable.find()) {
            Optional<String> fault = new VariableFaults(graphQl.getObject().schema())
                    .faultIn(request.getDocument(), request.getVariables(), invalidVariable.group(1));
            if (fault.isPresent()) {
                message = fault.get() + " has an invalid value: " + invalidVariable.group(2);
                field = fault.get().substring(fault.get().lastIndexOf('.') + 1);
            }
        }
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                                                            .message(readable(message))
                                                            .locations(error.getLocations())
                                                            .errorType(isValidationError(error) ? RapportErrorType.BAD_REQUEST : error.getErrorType());
        if (!error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        extensions.remove("classification");
        if (field != null) {
            extensions.put("field", field);
        } else if (isValidationError(error) && !extensions.containsKey("field")) {
            fieldNamedIn(error.getMessage()).ifPresent(named -> extensions.put("field", named));
        }
        if (!extensions.isEmpty()) {
            builder.extensions(extensions);
        }
        return builder.build();
    }

    static String readable(String message) {
        if (message == null) {
            return null;
        }
        return LITERAL.matcher(message).replaceAll(found -> Matcher.quoteReplacement(
                               found.group(1).equals("String") ? "\"" + found.group(3) + "\"" : found.group(3)))
                      .replaceAll(" - Expected an AST type of '[A-Za-z]+' but it was an? '[A-Za-z]+'", "")
                      .replace("'\"", "\"").replace("\"'", "\"");
    }

    private static java.util.Optional<String> fieldNamedIn(String message) {
        for (Pattern mention : FIELD_MENTIONS) {
            Matcher found = mention.matcher(message == null ? "" : message);
            if (found.find()) {
                String path = found.group(1);
                return java.util.Optional.of(path.substring(path.lastIndexOf('.') + 1));
            }
        }
        return java.util.Optional.empty();
    }
}
