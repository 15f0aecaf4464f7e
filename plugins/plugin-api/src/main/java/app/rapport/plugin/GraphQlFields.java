package app.rapport.plugin;

import java.util.Map;

/**
 * GraphQL a plugin adds to the server's schema.
 *
 * @param schema    SDL: the plugin's own types, and {@code extend type Query} / {@code extend type Mutation} with its
 *                  root fields. Its type and root field names must not be the core's or another plugin's.
 * @param resolvers what answers each field, by {@code Type.field}: every root field needs one; a field of the plugin's
 *                  own types without one is read from the value its parent returned (a map's key, a record's component)
 */
public record GraphQlFields(String schema, Map<String, FieldResolver> resolvers) {

    public GraphQlFields {
        resolvers = Map.copyOf(resolvers);
    }

    /** Answers one field. A {@link Refused} thrown reaches the client as a {@code BAD_REQUEST} naming its field. */
    public interface FieldResolver {
        Object resolve(FieldCall call) throws Exception;
    }

    /**
     * One field being answered.
     *
     * @param ownerId   the signed-in owner (every field but the core's few public ones needs one)
     * @param arguments the field's arguments, as JSON-like values
     * @param source    what the parent field returned; null for a root field
     */
    public record FieldCall(String ownerId, Map<String, Object> arguments, Object source) {
    }
}
