package app.rapport.api.plugin;

import app.rapport.api.account.Caller;
import app.rapport.application.messaging.WriteAdmission;
import app.rapport.application.plugin.PluginHost;
import app.rapport.application.plugin.PluginSchemaCheck;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.plugin.Busy;
import app.rapport.plugin.GraphQlFields;
import app.rapport.plugin.Refused;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plugins' GraphQL: checked against the schema when a plugin adds it, joined to the schema and wired to the plugin's
 * resolvers, each call signed in as the owner like any other field.
 */
@Configuration(proxyBeanMethods = false)
class PluginGraphQl {

    private static final Set<String> EXTENSIBLE = Set.of("Query", "Mutation");

    @Bean
    PluginSchemaCheck pluginSchemaCheck() {
        return new Check(coreSchema());
    }

    @Bean
    GraphQlSourceBuilderCustomizer pluginSchemas(PluginHost host) {
        return builder -> builder.schemaResources(host.graphQlFields().entrySet().stream()
                .map(plugin -> (Resource) new ByteArrayResource(plugin.getValue().schema().getBytes(StandardCharsets.UTF_8),
                                                                "GraphQL of plugin " + plugin.getKey()))
                .toArray(Resource[]::new));
    }

    @Bean
    RuntimeWiringConfigurer pluginResolvers(PluginHost host) {
        return wiring -> host.graphQlFields().values().forEach(fields -> fields.resolvers().forEach((coordinates, resolver) -> {
            String type = coordinates.substring(0, coordinates.indexOf('.'));
            String field = coordinates.substring(coordinates.indexOf('.') + 1);
            wiring.type(type, builder -> builder.dataFetcher(field, fetcher(resolver)));
        }));
    }

    private static DataFetcher<Object> fetcher(GraphQlFields.FieldResolver resolver) {
        return environment -> {
            String owner = Caller.of(environment.getGraphQlContext()).owner().value();
            try {
                return resolver.resolve(new GraphQlFields.FieldCall(owner, environment.getArguments(), environment.getSource()));
            } catch (Refused refused) {
                throw new InvalidInput(refused.field(), refused.getMessage());
            } catch (Busy busy) {
                throw new WriteAdmission.TooBusy(busy.getMessage(), busy.retryAfter());
            }
        };
    }

    private static TypeDefinitionRegistry coreSchema() {
        TypeDefinitionRegistry core = new TypeDefinitionRegistry();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls")) {
                try (InputStream in = file.getInputStream()) {
                    core.merge(new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The GraphQL schema cannot be read", e);
        }
        return core;
    }

    /** The schema so far, the core's and the accepted plugins', against which the next plugin's is checked. */
    private static final class Check implements PluginSchemaCheck {

        private final TypeDefinitionRegistry joined;
        private final Set<String> rootFields = new HashSet<>();

        Check(TypeDefinitionRegistry core) {
            this.joined = core;
            for (String root : EXTENSIBLE) {
                core.getType(root).ifPresent(type -> fieldsOf(type).forEach(field -> rootFields.add(root + "." + field.getName())));
                core.objectTypeExtensions().getOrDefault(root, List.of())
                    .forEach(extension -> extension.getFieldDefinitions().forEach(field -> rootFields.add(root + "." + field.getName())));
            }
        }

        @Override
        public synchronized void check(String pluginId, String schema, Set<String> resolved) {
            TypeDefinitionRegistry added;
            try {
                added = new SchemaParser().parse(schema);
            } catch (RuntimeException unreadable) {
                throw new IllegalArgumentException("its GraphQL cannot be read: " + unreadable.getMessage());
            }
            Set<String> declared = new HashSet<>();
            for (TypeDefinition<?> type : added.types().values()) {
                if (joined.getType(type.getName()).isPresent()) {
                    throw new IllegalArgumentException("its GraphQL type " + type.getName() + " is one the server has already");
                }
                fieldsOf(type).forEach(field -> declared.add(type.getName() + "." + field.getName()));
            }
            Set<String> roots = new HashSet<>();
            for (Map.Entry<String, List<ObjectTypeExtensionDefinition>> extension : added.objectTypeExtensions().entrySet()) {
                if (!EXTENSIBLE.contains(extension.getKey())) {
                    throw new IllegalArgumentException("its GraphQL extends " + extension.getKey() + "; plugins add fields to Query and Mutation only");
                }
                for (ObjectTypeExtensionDefinition definition : extension.getValue()) {
                    for (FieldDefinition field : definition.getFieldDefinitions()) {
                        String coordinates = extension.getKey() + "." + field.getName();
                        if (rootFields.contains(coordinates)) {
                            throw new IllegalArgumentException("its GraphQL field " + coordinates + " is one the server has already");
                        }
                        if (!resolved.contains(coordinates)) {
                            throw new IllegalArgumentException("its GraphQL field " + coordinates + " has no resolver");
                        }
                        roots.add(coordinates);
                    }
                }
            }
            declared.addAll(roots);
            for (String resolver : resolved) {
                if (!declared.contains(resolver)) {
                    throw new IllegalArgumentException("it resolves " + resolver + ", a field its GraphQL does not declare");
                }
            }
            TypeDefinitionRegistry candidate = new TypeDefinitionRegistry().merge(joined).merge(added);
            try {
                UnExecutableSchemaGenerator.makeUnExecutableSchema(candidate);
            } catch (RuntimeException invalid) {
                throw new IllegalArgumentException("its GraphQL does not fit the server's schema: " + invalid.getMessage());
            }
            joined.merge(added);
            rootFields.addAll(roots);
        }

        private static List<FieldDefinition> fieldsOf(TypeDefinition<?> type) {
            return type instanceof graphql.language.ObjectTypeDefinition object ? object.getFieldDefinitions() : List.of();
        }
    }
}
