package dev.tdn.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WhitespaceFreeTest {

    private static String of(String json) {
        return new String(WhitespaceFree.of(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void whitespaceBetweenTokensGoesAndWhitespaceInStringsStays() {
        assertThat(of("{\n  \"muscle\" : \" upper  trapezius\\t\",\r\n\t\"n\" : [ 1 , 2.5 ]\n}"))
                .isEqualTo("{\"muscle\":\" upper  trapezius\\t\",\"n\":[1,2.5]}");
    }

    @Test
    void anEscapedQuoteOrBackslashDoesNotEndTheString() {
        assertThat(of("{ \"a\" : \"say \\\" hi \\\\\" , \"b\" : \"\\\\\" }"))
                .isEqualTo("{\"a\":\"say \\\" hi \\\\\",\"b\":\"\\\\\"}");
    }

    @Test
    void textBeyondAsciiIsKeptByteForByte() {
        assertThat(of("{ \"m\" : \"gluteus médius 🦴\" }")).isEqualTo("{\"m\":\"gluteus médius 🦴\"}");
    }
}
