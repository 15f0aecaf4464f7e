package app.rapport.api.server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * GraphQL over WebSocket takes a message as large as GraphQL over HTTP does ({@code rapport.graphql.max-request-bytes}):
 * the container's 8 KiB default closed the connection on a 10,000-character note.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketLimits {

    @Bean
    ServletServerContainerFactoryBean webSocketMessageLimits(QueryLimits.Limits limits) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(limits.maxRequestBytes());
        container.setMaxBinaryMessageBufferSize(limits.maxRequestBytes());
        return container;
    }
}
