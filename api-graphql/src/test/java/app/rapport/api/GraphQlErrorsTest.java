package app.rapport.api;

import app.rapport.application.account.Unauthenticated;
import app.rapport.application.messaging.ViewCatchUp;
import app.rapport.application.messaging.WriteAdmission;
import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.NotFound;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.GraphQlSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GraphQlErrorsTest {

    @Test
    void refusalsAreClassifiedAndNameTheirField() {
        assertThat(errorFor(new InvalidInput("givenName", "givenName must not be blank")))
                .containsEntry("message", "givenName must not be blank")
                .containsEntry("extensions", Map.of("classification", "BAD_REQUEST", "field", "givenName"))
                .containsEntry("path", List.of("failing"));
        assertThat(errorFor(new NotFound("id", "no contact with this id")))
                .containsEntry("extensions", Map.of("classification", "NOT_FOUND", "field", "id"));
        assertThat(errorFor(new Conflict(null, "thanks were sent already")))
                .containsEntry("message", "thanks were sent already")
                .containsEntry("extensions", Map.of("classification", "CONFLICT"));
        assertThat(errorFor(new Unauthenticated("email or password is wrong")))
                .containsEntry("message", "email or password is wrong")
                .containsEntry("extensions", Map.of("classification", "UNAUTHORIZED"));
    }

    @Test
    void aRefusedWriteSaysNothingWasSavedAndWhenToRetry() {
        assertThat(errorFor(new WriteAdmission.TooBusy(Duration.ofSeconds(3))))
                .containsEntry("extensions", Map.of("classification", "TOO_BUSY", "saved", false, "retryAfterSeconds", 3L))
                .extractingByKey("message").asString().contains("nothing was saved");
    }

    @Test
    void aStoredWriteWhoseViewsLagIsNotReportedAsAFailureToRetry() {
        assertThat(errorFor(new ViewCatchUp.ViewsLagging("The change was saved, but the lists did not show it")))
                .containsEntry("extensions", Map.of("classification", "VIEWS_BEHIND", "saved", true));
    }

    @Test
    void anythingElseIsAnInternalErrorWithALoggedIdAndNoDetail() {
        Map<String, Object> error = errorFor(new IllegalStateException("details of the server's insides"));

        assertThat(error.get("extensions")).isEqualTo(Map.of("classification", "INTERNAL_ERROR"));
        assertThat((String) error.get("message"))
                .matches("Something went wrong on our side; the error was logged with id [0-9a-f-]{36}")
                .doesNotContain("insides");
    }

    private static Map<String, Object> errorFor(RuntimeException thrown) {
        GraphQlSource source = GraphQlSource.schemaResourceBuilder()
                .schemaResources(new ByteArrayResource("type Query { failing: String }".getBytes()))
                .configureRuntimeWiring(wiring -> wiring.type("Query", type -> type.dataFetcher("failing", environment -> {
                    throw thrown;
                })))
                .exceptionResolvers(List.of(new GraphQlErrors()))
                .build();
        ExecutionResult result = source.graphQl().execute("{ failing }");
        assertThat(result.getErrors()).hasSize(1);
        GraphQLError error = result.getErrors().get(0);
        return error.toSpecification();
    }
}
