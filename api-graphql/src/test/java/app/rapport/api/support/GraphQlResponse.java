package app.rapport.api.support;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A GraphQL response as it came over HTTP, with the assertions every API test makes about it. */
public record GraphQlResponse(JsonNode body) {

    /** The root field's value, after checking that the request succeeded. */
    public JsonNode data(String rootField) {
        assertThat(body.path("errors").isMissingNode()).as("errors in %s", body).isTrue();
        JsonNode value = body.path("data").path(rootField);
        assertThat(value.isMissingNode()).as("%s in %s", rootField, body).isFalse();
        return value;
    }

    public JsonNode firstError() {
        return body.path("errors").path(0);
    }

    public String classification() {
        return firstError().path("extensions").path("classification").asText(null);
    }

    /**
     * Checks that the request was refused as {@code classification}, naming {@code field} (null: no field), with
     * a message meant for people: no exception names or stack frames.
     */
    public GraphQlResponse assertRefused(String classification, String field) {
        JsonNode error = firstError();
        assertThat(error.isMissingNode()).as("a refusal expected, got %s", body).isFalse();
        assertThat(classification()).as(body.toString()).isEqualTo(classification);
        assertThat(error.path("extensions").path("field").asText(null)).as(body.toString()).isEqualTo(field);
        // What a refusal says is about the request, never about the server's code.
        assertThat(error.path("message").asText()).isNotBlank();
        for (String internal : new String[] {"Exception", "at app.", "at org.", "at java."}) {
            assertThat(body.toString()).as(body.toString()).doesNotContain(internal);
        }
        return this;
    }
}
