package app.rapport.api.account;

import app.rapport.application.account.Unauthenticated;
import app.rapport.domain.shared.OwnerId;
import graphql.GraphQLContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTest {

    @Test
    void theActorNamesTheUserAsTheHistoryShowsIt() {
        assertThat(new Caller(new OwnerId("5b1c0a9e-0000-4000-8000-000000000001")).actor())
                .isEqualTo("user:5b1c0a9e-0000-4000-8000-000000000001");
    }

    @Test
    void batchLoadersFindTheAuthenticatedCallerInTheContextAndNobodyElse() {
        Caller caller = new Caller(new OwnerId("owner-1"));
        GraphQLContext signedIn = GraphQLContext.of(Map.of(Caller.CONTEXT_KEY, caller));

        assertThat(Caller.of(signedIn)).isEqualTo(caller);
        assertThatThrownBy(() -> Caller.of(GraphQLContext.newContext().build()))
                .isInstanceOf(Unauthenticated.class).hasMessageStartingWith("Sign in first");
    }
}
