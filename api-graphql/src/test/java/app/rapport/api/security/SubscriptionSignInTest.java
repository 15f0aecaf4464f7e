package app.rapport.api.security;

import app.rapport.api.support.RunningServer;
import app.rapport.api.support.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An open subscription ends when the sign-in that opened it ends. */
@ExtendWith(SharedServer.class)
class SubscriptionSignInTest {

    @Test
    void signingOutEndsTheSubscriptionsOpenedWithThatToken(RunningServer server) throws Exception {
        RunningServer.User maya = server.signUpFreshUser();
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder("ws://localhost:" + server.port() + "/graphql", new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + maya.token()));
                    }
                }).build();
        try {
            Flux<ClientGraphQlResponse> changes = client.document("subscription { dashboardChanged { contacts } }").executeSubscription();
            CompletableFuture<ClientGraphQlResponse> ended = CompletableFuture.supplyAsync(() -> changes.blockLast(Duration.ofSeconds(60)));
            Thread.sleep(1_000);
            assertThat(ended).as("still open while signed in").isNotDone();

            maya.graphQl("mutation { signOut }", Map.of()).data("signOut");

            ClientGraphQlResponse last = ended.get(60, TimeUnit.SECONDS);
            assertThat(last.getErrors()).hasSize(1);
            assertThat(last.getErrors().get(0).getExtensions()).containsEntry("classification", "UNAUTHORIZED");
        } finally {
            client.stop().block(Duration.ofSeconds(10));
        }
    }
}
