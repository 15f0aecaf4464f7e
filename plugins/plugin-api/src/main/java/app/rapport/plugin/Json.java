package app.rapport.plugin;

/** JSON for small answers and bodies, so that a plugin needs no JSON library for them. */
public final class Json {

    private Json() {
    }

    /**
     * The JSON text of a JSON-like value: null, a text, a number, a boolean, an {@link java.time.Instant} (as its
     * ISO-8601 text), a list or a map with text keys, nested as deep as need be.
     */
    public static String write(Object value) {
        StringBuilder json = new StringBuilder();
        write(value, json);
        return json.toString();
    }

    private static void write(Object value, StringBuilder json) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof java.util.Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
                json.append(first ? "" : ",").append(quote(String.valueOf(entry.getKey()))).append(':');
                write(entry.getValue(), json);
                first = false;
            }
            json.append('}');
        } else if (value instanceof Iterable<?> list) {
            json.append('[');
            boolean first = true;
            for (Object item : list) {
                json.append(first ? "" : ",");
                write(item, json);
                first = false;
            }
            json.append(']');
        } else {
            json.append(quote(value.toString()));
        }
    }

    /** A JSON string literal of {@code text}. */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
