package dev.tdn.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrapTest {

    @Test
    void aLongLineBreaksBetweenWordsWithItsContinuationIndented() {
        String summary = "NEEDLES NOT RECORDED AS REMOVED: 1 (points 1). Remove and count them before the patient leaves.";

        assertThat(Wrap.paragraphs(summary, 40)).isEqualTo("""
                NEEDLES NOT RECORDED AS REMOVED: 1
                  (points 1). Remove and count them
                  before the patient leaves.""");
    }

    @Test
    void aPathLongerThanTheLineStaysWholeAndIndentedLinesKeepTheirIndent() {
        assertThat(Wrap.paragraphs("Record: /tmp/a-very-long-folder-name/sessions/x.json\n  - dwell of point one ok", 20))
                .isEqualTo("Record:\n  /tmp/a-very-long-folder-name/sessions/x.json\n  - dwell of point\n    one ok");
    }
}
