package app.rapport.api.security;

import app.rapport.api.support.RunningServer;
import app.rapport.api.support.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A message as large as the longest valid document travels over WebSocket as it does over HTTP. */
@ExtendWith(SharedServer.class)
class WebSocketMessageSizeTest {

    @Test
    void aMessageOfFortyKilobytesIsAnswered(RunningServer server) {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder("ws://localhost:" + server.port() + "/graphql",
                                                                       new ReactorNettyWebSocketClient()).build();
        try {
            ClientGraphQlResponse answer = client.document("{ server { name } }")
                                                 .variables(Map.of("pad", "ä".repeat(20_000)))
                                                 .execute().block(Duration.ofSeconds(30));

            assertThat(answer.getErrors()).isEmpty();
            assertThat(answer.field("server.name").toEntity(String.class)).isNotBlank();
        } finally {
            client.stop().block(Duration.ofSeconds(10));
        }
    }
}
