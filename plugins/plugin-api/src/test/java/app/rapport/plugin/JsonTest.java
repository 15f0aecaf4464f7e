package app.rapport.plugin;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void whatIsWrittenReadsBackTheSame() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "Dana \"D\" Reyes\\n\tÉlodie \u2028 end");
        value.put("count", new BigDecimal("42"));
        value.put("ratio", new BigDecimal("-1.5e3"));
        value.put("flags", List.of(true, false));
        value.put("nothing", null);
        value.put("nested", Map.of("list", List.of(Map.of(), List.of())));

        assertThat(Json.read(Json.write(value))).isEqualTo(value);
    }

    @Test
    void spacesBetweenTokensAreAllowed() {
        assertThat(Json.read(" { \"a\" : [ 1 , \"b\" ] } ")).isEqualTo(Map.of("a", List.of(BigDecimal.ONE, "b")));
    }

    @Test
    void aTextThatIsNotJsonIsRefusedWithWhereItWentWrong() {
        assertThatThrownBy(() -> Json.read("{\"a\": }")).hasMessageContaining("character 7");
        assertThatThrownBy(() -> Json.read("[1, 2")).hasMessageContaining("expected ']'");
        assertThatThrownBy(() -> Json.read("\"open")).hasMessageContaining("end of the text in quotes");
        assertThatThrownBy(() -> Json.read("{} extra")).hasMessageContaining("nothing more");
    }
}
