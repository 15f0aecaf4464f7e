package app.rapport.api.scalar;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code JSON}: any JSON value (object, array, text, number, flag, null), e.g. the data of a history entry.
 * Written as it is: the read side hands over plain maps, lists and values only. A small coercing of our own
 * rather than a library, as graphql-java's extended scalars are not among the server's dependencies.
 */
final class JsonScalar {

    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar()
            .name("JSON")
            .description("Any JSON value")
            .coercing(new JsonCoercing())
            .build();

    private JsonScalar() {
    }

    private static final class JsonCoercing implements Coercing<Object, Object> {

        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            if (value == null || value instanceof Map || value instanceof List || value instanceof String
                    || value instanceof Number || value instanceof Boolean) {
                return value;
            }
            throw new CoercingSerializeException("Not JSON data: " + value.getClass().getSimpleName());
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input; // variables arrive already read from JSON
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof NullValue) {
                return null;
            }
            if (input instanceof StringValue string) {
                return string.getValue();
            }
            if (input instanceof IntValue integer) {
                return integer.getValue();
            }
            if (input instanceof FloatValue decimal) {
                return decimal.getValue();
            }
            if (input instanceof BooleanValue flag) {
                return flag.isValue();
            }
            if (input instanceof EnumValue constant) {
                return constant.getName();
            }
            if (input instanceof VariableReference reference) {
                return variables.get(reference.getName());
            }
            if (input instanceof ArrayValue array) {
                List<Object> values = new ArrayList<>();
                for (Value<?> value : array.getValues()) {
                    values.add(parseLiteral(value, variables, context, locale));
                }
                return values;
            }
            if (input instanceof ObjectValue object) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (ObjectField field : object.getObjectFields()) {
                    values.put(field.getName(), parseLiteral(field.getValue(), variables, context, locale));
                }
                return values;
            }
            throw new CoercingParseLiteralException("Not a JSON value: " + input.getClass().getSimpleName());
        }
    }
}
