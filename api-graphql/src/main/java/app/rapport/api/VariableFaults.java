package app.rapport.api;

import graphql.GraphQLContext;
import graphql.language.Document;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which field of a variable graphql-java refused: its message names only the variable ("Variable 'input' has an
 * invalid value: Expected a String input…"), so a client sending {@code input} cannot tell which of its fields is at
 * fault. Walks the value against the variable's declared type and names the first field that does not fit.
 */
final class VariableFaults {

    private final GraphQLSchema schema;

    VariableFaults(GraphQLSchema schema) {
        this.schema = schema;
    }

    /** The path of the first field in {@code variable} that does not fit its type, e.g. {@code input.givenName}. */
    Optional<String> faultIn(String document, Map<String, Object> variables, String variable) {
        try {
            Document parsed = Parser.parse(document);
            for (OperationDefinition operation : parsed.getDefinitionsOfType(OperationDefinition.class)) {
                for (VariableDefinition definition : operation.getVariableDefinitions()) {
                    if (definition.getName().equals(variable) && schemaType(definition.getType()) instanceof GraphQLInputType type) {
                        return fault(variable, variables.get(variable), type);
                    }
                }
            }
        } catch (RuntimeException unreadable) {
            // the refusal stands as graphql-java worded it
        }
        return Optional.empty();
    }

    private GraphQLType schemaType(Type<?> type) {
        Type<?> named = type;
        while (!(named instanceof TypeName)) {
            named = named instanceof NonNullType nonNull ? nonNull.getType() : ((ListType) named).getType();
        }
        GraphQLType found = schema.getType(((TypeName) named).getName());
        if (found == null) {
            return null;
        }
        return wrap(type, found);
    }

    private static GraphQLType wrap(Type<?> type, GraphQLType named) {
        if (type instanceof NonNullType nonNull) {
            return GraphQLNonNull.nonNull(wrap(nonNull.getType(), named));
        }
        if (type instanceof ListType list) {
            return GraphQLList.list(wrap(list.getType(), named));
        }
        return named;
    }

    private Optional<String> fault(String path, Object value, GraphQLInputType type) {
        if (value == null) {
            return GraphQLTypeUtil.isNonNull(type) ? Optional.of(path) : Optional.empty();
        }
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list) {
            if (!(value instanceof Collection<?> items)) {
                return fault(path, value, (GraphQLInputType) list.getWrappedType());
            }
            for (Object item : items) {
                Optional<String> found = fault(path, item, (GraphQLInputType) list.getWrappedType());
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (unwrapped instanceof GraphQLInputObjectType object) {
            if (!(value instanceof Map<?, ?> fields)) {
                return Optional.of(path);
            }
            for (Object name : fields.keySet()) {
                if (object.getField(String.valueOf(name)) == null) {
                    return Optional.of(path + "." + name);
                }
            }
            for (GraphQLInputObjectField field : object.getFields()) {
                if (!fields.containsKey(field.getName()) && field.hasSetDefaultValue()) {
                    continue;
                }
                Optional<String> found = fault(path + "." + field.getName(), fields.get(field.getName()), field.getType());
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (unwrapped instanceof GraphQLEnumType enumType) {
            return value instanceof String name && enumType.getValue(name) != null ? Optional.empty() : Optional.of(path);
        }
        if (unwrapped instanceof GraphQLScalarType scalar) {
            try {
                scalar.getCoercing().parseValue(value, GraphQLContext.getDefault(), Locale.ROOT);
                return Optional.empty();
            } catch (RuntimeException refused) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
