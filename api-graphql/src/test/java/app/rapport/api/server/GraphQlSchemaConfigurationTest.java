package app.rapport.api.server;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphQlSchemaConfigurationTest {

    @Test
    void aSchemaFieldThatNoControllerMapsStopsTheServer() {
        GraphQlSource.SchemaResourceBuilder builder = GraphQlSource.schemaResourceBuilder()
                .schemaResources(new ByteArrayResource("type Query { forgotten: String }".getBytes()));
        new GraphQlSchemaConfiguration().failOnUnmappedSchemaFields().customize(builder);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("forgotten");
    }
}
