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

    /**
     * The dashboard's two dozen documents come to a few thousand characters; 256 Ki characters (some 7 MB parsed) leave room for other
     * clients' and bound what anyone can make the server keep.
     */
    @Bean
    GraphQlSourceBuilderCustomizer knownDocuments() {
        KnownDocuments documents = new KnownDocuments(256 * 1024, 16 * 1024);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }
}
