package app.rapport.api.account;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static graphql.schema.FieldCoordinates.coordinates;

/**
 * Makes "needs sign-in" the default: every field of Query, Mutation and Subscription, whoever adds it later,
 * first authenticates the caller, unless it is one of the few {@link #PUBLIC_FIELDS}. A request without a valid
 * token gets an {@code UNAUTHORIZED} error for such a field and its fetcher never runs.
 */
final class SignInRequired extends GraphQLTypeVisitorStub {

    /** The only root fields anyone may call without signing in. */
    static final Set<FieldCoordinates> PUBLIC_FIELDS = Set.of(coordinates("Query", "server"),
                                                              coordinates("Mutation", "signUp"),
                                                              coordinates("Mutation", "signIn"));

    static final Set<String> ROOT_TYPES = Set.of("Query", "Mutation", "Subscription");

    private final CallerAuthentication authentication;
    private final Set<FieldCoordinates> guarded = ConcurrentHashMap.newKeySet();

    SignInRequired(CallerAuthentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                                                        TraverserContext<GraphQLSchemaElement> context) {
        if (!(context.getParentNode() instanceof GraphQLObjectType parent) || !ROOT_TYPES.contains(parent.getName())) {
            return TraversalControl.CONTINUE;
        }
        FieldCoordinates coordinates = coordinates(parent, field);
        if (PUBLIC_FIELDS.contains(coordinates)) {
            return TraversalControl.CONTINUE;
        }
        GraphQLCodeRegistry.Builder codeRegistry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
        DataFetcher<?> fetcher = codeRegistry.getDataFetcher(coordinates, field);
        codeRegistry.dataFetcher(coordinates, fetcher instanceof SelfDescribingDataFetcher<?> described
                ? new SelfDescribingSignedInOnly(described, authentication)
                : new SignedInOnly(fetcher, authentication));
        guarded.add(coordinates);
        return TraversalControl.CONTINUE;
    }

    /** The root fields this visitor made require sign-in, for tests that check no field was missed. */
    Set<FieldCoordinates> guardedFields() {
        return Set.copyOf(guarded);
    }

    private static class SignedInOnly implements DataFetcher<Object> {

        private final DataFetcher<?> delegate;
        private final CallerAuthentication authentication;

        SignedInOnly(DataFetcher<?> delegate, CallerAuthentication authentication) {
            this.delegate = delegate;
            this.authentication = authentication;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            authentication.authenticate(environment.getGraphQlContext());
            return delegate.get(environment);
        }
    }

    /** Keeps what a controller method tells about itself visible to Spring's schema inspection and observation. */
    private static final class SelfDescribingSignedInOnly extends SignedInOnly implements SelfDescribingDataFetcher<Object> {

        private final SelfDescribingDataFetcher<?> described;

        SelfDescribingSignedInOnly(SelfDescribingDataFetcher<?> described, CallerAuthentication authentication) {
            super(described, authentication);
            this.described = described;
        }

        @Override
        public String getDescription() {
            return described.getDescription();
        }

        @Override
        public ResolvableType getReturnType() {
            return described.getReturnType();
        }

        @Override
        public Map<String, ResolvableType> getArguments() {
            return described.getArguments();
        }

        @Override
        public boolean usesDataLoader() {
            return described.usesDataLoader();
        }
    }
}
