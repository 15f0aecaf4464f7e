package app.rapport.api.server;

import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the schema and the controllers in step (a field nobody fetches stops the server at start-up), and parses and
 * validates each document once.
 */
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

    /** A dashboard sends a few dozen documents; 500 leave room for other clients without growing without end. */
    @Bean
    GraphQlSourceBuilderCustomizer knownDocuments() {
        KnownDocuments documents = new KnownDocuments(500, 20_000);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }
}
