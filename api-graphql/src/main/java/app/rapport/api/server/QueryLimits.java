package app.rapport.api.server;

import app.rapport.api.RapportErrorType;
import app.rapport.api.account.BearerTokenInterceptor;
import app.rapport.api.EveryRequestCheck;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a request that asks too much before graphql-java validates or runs it: too deep, too costly (fields
 * counted the way they would be answered, lists once per item asked for), too many aliases or root fields. Fragments
 * are costed once each and multiplied where they are spread, so a document whose fragments double at every level
 * is refused in the time it takes to read it, instead of being expanded. The limits are checked on every request, since
 * a known document may come back with larger variables ({@link EveryRequestCheck}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryLimits.Limits.class)
class QueryLimits {

    /**
     * The limits, {@code rapport.graphql.*}.
     *
     * @param maxDepth      fields nested in fields, counting the root field as 1
     * @param maxCost       fields an answer may hold: each field 1, a list field's selection once per item asked for
     *                      ({@code first}, else {@code listSize})
     * @param listSize      the items a list without {@code first} is counted for
     * @param maxAliases    aliased fields in one document
     * @param maxRootFields fields at the root of one operation
     * @param maxRequestBytes the largest request body over HTTP, and message over WebSocket
     */
    @ConfigurationProperties("rapport.graphql")
    record Limits(Integer maxDepth, Integer maxCost, Integer listSize, Integer maxAliases, Integer maxRootFields,
                  Integer maxRequestBytes) {

        Limits {
            maxDepth = maxDepth == null ? 12 : maxDepth;
            maxCost = maxCost == null ? 50_000 : maxCost;
            listSize = listSize == null ? 10 : listSize;
            maxAliases = maxAliases == null ? 30 : maxAliases;
            maxRootFields = maxRootFields == null ? 20 : maxRootFields;
            maxRequestBytes = maxRequestBytes == null ? 2_000_000 : maxRequestBytes;
        }
    }

    @Bean
    Instrumentation queryLimitsInstrumentation(Limits limits) {
        return new EveryRequestCheck() {
            @Override
            protected void check(ExecutionInput input, Document document, GraphQLSchema schema) {
                requireWebSocketForSubscriptions(input, document);
                new Measure(schema, document, input.getVariables(), limits).check();
            }
        };
    }

    /** A subscription sent as a plain POST would answer with the stream's internals: it needs WebSocket. */
    private static void requireWebSocketForSubscriptions(ExecutionInput input, Document document) {
        boolean overWebSocket = Boolean.TRUE.equals(input.getGraphQLContext().get(BearerTokenInterceptor.OVER_WEBSOCKET_KEY));
        if (overWebSocket) {
            return;
        }
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation && operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
                throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                        .message("Subscriptions run over WebSocket (graphql-transport-ws) at /graphql; over HTTP, send a query")
                        .errorType(RapportErrorType.BAD_REQUEST).build()));
            }
        }
    }

    /** One document measured against the limits. */
    static final class Measure {

        private final GraphQLSchema schema;
        private final Map<String, Object> variables;
        private final Limits limits;
        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final Map<String, long[]> measuredFragments = new HashMap<>();
        private final Set<String> measuring = new HashSet<>();
        private final Document document;

        Measure(GraphQLSchema schema, Document document, Map<String, Object> variables, Limits limits) {
            this.schema = schema;
            this.document = document;
            this.variables = variables == null ? Map.of() : variables;
            this.limits = limits;
            for (Definition<?> definition : document.getDefinitions()) {
                if (definition instanceof FragmentDefinition fragment) {
                    fragments.put(fragment.getName(), fragment);
                }
            }
        }

        void check() {
            int aliases = countAliases(document);
            if (aliases > limits.maxAliases()) {
                refuse("aliases", aliases, limits.maxAliases(), "Use fewer aliases");
            }
            for (Definition<?> definition : document.getDefinitions()) {
                if (definition instanceof OperationDefinition operation) {
                    GraphQLFieldsContainer root = switch (operation.getOperation()) {
                        case QUERY -> schema.getQueryType();
                        case MUTATION -> schema.getMutationType();
                        case SUBSCRIPTION -> schema.getSubscriptionType();
                    };
                    int rootFields = operation.getSelectionSet() == null ? 0 : operation.getSelectionSet().getSelections().size();
                    if (rootFields > limits.maxRootFields()) {
                        refuse("rootFields", rootFields, limits.maxRootFields(), "Send fewer fields at the root of one request");
                    }
                    long[] measured = measure(operation.getSelectionSet(), root);
                    if (measured[DEPTH] > limits.maxDepth()) {
                        refuse("depth", measured[DEPTH], limits.maxDepth(), "Ask for fields nested less deeply");
                    }
                    if (measured[COST] > limits.maxCost()) {
                        refuse("cost", measured[COST], limits.maxCost(),
                               "Ask for fewer fields or smaller pages (each field counts 1; a list counts its fields once per item, "
                               + "its first argument or " + limits.listSize() + ")");
                    }
                }
            }
        }

        private static final int COST = 0;
        private static final int DEPTH = 1;

        /** {cost, depth} of a selection set under {@code type}, saturating far above any limit. */
        private long[] measure(SelectionSet selections, GraphQLType type) {
            long cost = 0;
            long depth = 0;
            if (selections == null) {
                return new long[]{0, 0};
            }
            for (Selection<?> selection : selections.getSelections()) {
                long[] part;
                if (selection instanceof Field field) {
                    part = measureField(field, type);
                } else if (selection instanceof InlineFragment inline) {
                    GraphQLType on = inline.getTypeCondition() == null ? type : schema.getType(inline.getTypeCondition().getName());
                    part = measure(inline.getSelectionSet(), on == null ? type : on);
                } else if (selection instanceof FragmentSpread spread) {
                    part = measureFragment(spread.getName());
                } else {
                    continue;
                }
                cost = saturated(cost + part[COST]);
                depth = Math.max(depth, part[DEPTH]);
            }
            return new long[]{cost, depth};
        }

        private long[] measureField(Field field, GraphQLType parent) {
            GraphQLFieldDefinition definition = parent instanceof GraphQLFieldsContainer container
                    ? container.getFieldDefinition(field.getName()) : null;
            if (definition == null) {
                return new long[]{1, 1}; // unknown here: validation names it
            }
            GraphQLOutputType type = definition.getType();
            boolean list = false;
            GraphQLType unwrapped = type;
            while (unwrapped instanceof GraphQLNonNull || unwrapped instanceof GraphQLList) {
                list |= unwrapped instanceof GraphQLList;
                unwrapped = unwrapped instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : ((GraphQLList) unwrapped).getWrappedType();
            }
            long[] below = measure(field.getSelectionSet(), unwrapped);
            long items = list || isConnection(unwrapped) ? itemsAskedFor(field) : 1;
            return new long[]{saturated(1 + saturated(items * below[COST])), 1 + below[DEPTH]};
        }

        /** A connection (edges of a page) is as costly as the list it pages. */
        private static boolean isConnection(GraphQLType type) {
            return type instanceof GraphQLFieldsContainer container && container.getFieldDefinition("edges") != null;
        }

        private long[] measureFragment(String name) {
            long[] known = measuredFragments.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition fragment = fragments.get(name);
            if (fragment == null || !measuring.add(name)) {
                // Unknown, or spread inside itself: validation refuses it; nothing to expand here.
                return new long[]{0, 0};
            }
            GraphQLType on = schema.getType(fragment.getTypeCondition().getName());
            long[] measured = measure(fragment.getSelectionSet(), on);
            measuring.remove(name);
            measuredFragments.put(name, measured);
            return measured;
        }

        private long itemsAskedFor(Field field) {
            for (Argument argument : field.getArguments()) {
                if (argument.getName().equals("first")) {
                    if (argument.getValue() instanceof IntValue value) {
                        return Math.max(1, value.getValue().longValue());
                    }
                    if (argument.getValue() instanceof VariableReference reference
                        && variables.get(reference.getName()) instanceof Number number) {
                        return Math.max(1, number.longValue());
                    }
                }
            }
            return limits.listSize();
        }

        private static int countAliases(Document document) {
            int[] count = {0};
            for (Definition<?> definition : document.getDefinitions()) {
                if (definition instanceof OperationDefinition operation) {
                    count[0] += aliases(operation.getSelectionSet());
                } else if (definition instanceof FragmentDefinition fragment) {
                    count[0] += aliases(fragment.getSelectionSet());
                }
            }
            return count[0];
        }

        private static int aliases(SelectionSet selections) {
            if (selections == null) {
                return 0;
            }
            int count = 0;
            for (Selection<?> selection : selections.getSelections()) {
                if (selection instanceof Field field) {
                    count += (field.getAlias() == null ? 0 : 1) + aliases(field.getSelectionSet());
                } else if (selection instanceof InlineFragment inline) {
                    count += aliases(inline.getSelectionSet());
                }
            }
            return count;
        }

        private static long saturated(long value) {
            return value < 0 || value > 1L << 40 ? 1L << 40 : value;
        }

        private static void refuse(String limit, long value, int max, String advice) {
            GraphQLError error = GraphqlErrorBuilder.newError()
                    .message("The request asks too much (" + limit + ": " + (value >= 1L << 40 ? "beyond counting" : value)
                             + ", the limit is " + max + "). " + advice + ".")
                    .errorType(RapportErrorType.BAD_REQUEST)
                    .extensions(Map.of("limit", limit, "max", max))
                    .build();
            throw new AbortExecutionException(List.of(error));
        }
    }
}
