package app.rapport.api.server;

import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps the schema and the controllers in step: a field nobody fetches stops the server at start-up. */
@Configuration(proxyBeanMethods = false)
class GraphQlSchemaConfiguration {

    @Bean
    GraphQlSourceBuilderCustomizer failOnUnmappedSchemaFields() {
        return builder -> builder.inspectSchemaMappings(report -> {
            if (!report.unmappedFields().isEmpty() || !report.unmappedArguments().isEmpty()) {
                throw new IllegalStateException("The GraphQL schema has fields or arguments no controller maps: "
                                                        + report.unmappedFields() + " " + report.unmappedArguments().keySet());
            }
        });
    }
}
