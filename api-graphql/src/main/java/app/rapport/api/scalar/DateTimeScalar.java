package app.rapport.api.scalar;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * {@code DateTime}: an ISO-8601 instant with an offset, e.g. {@code 2026-11-21T14:30:00Z} or
 * {@code 2026-11-21T08:30:00-06:00}. Read as {@link Instant}; written in UTC. An offset is required, because
 * a time without one names no instant.
 */
final class DateTimeScalar {

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An ISO-8601 instant with offset, e.g. 2026-11-21T14:30:00Z")
            .coercing(new InstantCoercing())
            .build();

    private DateTimeScalar() {
    }

    /** No step of a career conversation lies outside these; anything else is a typo or a probe. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private static final class InstantCoercing implements Coercing<Instant, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            // ISO_INSTANT always writes the seconds (RFC 3339), where OffsetDateTime.toString drops zero ones.
            if (value instanceof Instant instant) {
                return DateTimeFormatter.ISO_INSTANT.format(instant);
            }
            if (value instanceof TemporalAccessor temporal) {
                return DateTimeFormatter.ISO_INSTANT.format(Instant.from(temporal));
            }
            throw new CoercingSerializeException("Not a point in time: " + value.getClass().getSimpleName());
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return parse(text, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException(expectation("a " + input.getClass().getSimpleName()));
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue string) {
                return parse(string.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException(expectation("a " + input.getClass().getSimpleName()));
        }

        private static <E extends RuntimeException> Instant parse(String text, java.util.function.Function<String, E> failure) {
            Instant instant;
            try {
                instant = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw failure.apply(expectation("text in another form"));
            }
            if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
                throw failure.apply("DateTime must lie between " + EARLIEST + " and " + LATEST + "; got " + instant);
            }
            return instant;
        }

        private static String expectation(String got) {
            return "DateTime must be an ISO-8601 instant with an offset, e.g. 2026-11-21T14:30:00Z; got " + got;
        }
    }
}
