package org.certgraph.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/** The DateTime scalar: ISO 8601 instants such as 2027-01-31T00:00:00Z, always in UTC out. */
final class DateTimeScalar {

    static final GraphQLScalarType TYPE = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant in ISO 8601, e.g. 2027-01-31T00:00:00Z.")
            .coercing(new InstantCoercing())
            .build();

    private DateTimeScalar() {
    }

    private static final class InstantCoercing implements Coercing<Instant, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Instant i) {
                return i.toString();
            }
            if (value instanceof OffsetDateTime o) {
                return o.toInstant().toString();
            }
            if (value instanceof ZonedDateTime z) {
                return z.toInstant().toString();
            }
            if (value instanceof String s) {
                return OffsetDateTime.parse(s).toInstant().toString();
            }
            throw new CoercingSerializeException("Not a date and time: " + value);
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String s) {
                return parse(s, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("DateTime must be a string such as "
                    + "2027-01-31T00:00:00Z, not " + input);
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables,
                                    GraphQLContext context, Locale locale) {
            if (input instanceof StringValue s) {
                return parse(s.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("DateTime must be a string such as "
                    + "2027-01-31T00:00:00Z");
        }

        private static <E extends RuntimeException> Instant parse(
                String text, java.util.function.Function<String, E> error) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw error.apply("'" + text + "' is not an ISO 8601 date and time; write it "
                        + "like 2027-01-31T00:00:00Z.");
            }
        }
    }
}
