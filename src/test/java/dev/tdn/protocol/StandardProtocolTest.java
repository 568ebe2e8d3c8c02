package dev.tdn.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.tdn.Places;
import dev.tdn.record.ScreeningAnswer.Kind;
import dev.tdn.record.Step;

/** The built-in protocol is DESIGN 1 in data: its windows, checklist and advice are the article's. */
class StandardProtocolTest {

    static final ProtocolCatalog CATALOG = ProtocolCatalog.from(new Places(Path.of("/nonexistent"), Path.of("/nonexistent")));

    static Protocol standard() throws ProtocolException {
        return CATALOG.load("standard");
    }

    @Test
    void hasTheArticlesWindows() throws Exception {
        Windows w = standard().windows();

        assertThat(w.dwell()).isEqualTo(new Window(30, 60));
        assertThat(w.weakTwitchDwell()).isEqualTo(new Window(120, 180));
        assertThat(w.compression()).isEqualTo(new Window(30, 60));
    }

    @Test
    void hasTheNeedleAndDepthOfTheArticle() throws Exception {
        assertThat(standard().needle()).isEqualTo(new NeedleDefaults(30, 0.25, 10));
        assertThat(standard().name()).isEqualTo("standard");
        assertThat(standard().version()).isEqualTo(1);
    }

    @Test
    void screensForEveryContraindicationAndPrecautionOfTheGuidelines() throws Exception {
        assertThat(standard().screening()).extracting(ScreeningItem::id, ScreeningItem::kind).containsExactly(
                tuple("needle-phobia", Kind.ABSOLUTE),
                tuple("unwilling", Kind.ABSOLUTE),
                tuple("unable-to-consent", Kind.ABSOLUTE),
                tuple("medical-emergency", Kind.ABSOLUTE),
                tuple("lymphoedema", Kind.ABSOLUTE),
                tuple("bleeding-or-anticoagulants", Kind.PRECAUTION),
                tuple("immunocompromised", Kind.PRECAUTION),
                tuple("vascular-disease", Kind.PRECAUTION),
                tuple("diabetes", Kind.PRECAUTION),
                tuple("pregnancy", Kind.PRECAUTION),
                tuple("epilepsy", Kind.PRECAUTION),
                tuple("metal-or-latex-allergy", Kind.PRECAUTION),
                tuple("local-skin-lesion", Kind.PRECAUTION),
                tuple("implanted-device", Kind.PRECAUTION),
                tuple("frail-or-child", Kind.PRECAUTION));
        assertThat(standard().screening()).allSatisfy(s -> assertThat(s.question()).endsWith("?"));
    }

    @Test
    void preparesTheSiteAsTheArticleDescribes() throws Exception {
        assertThat(standard().sitePrep()).containsExactly(
                new PrepItem("antiseptic", "Cleanse the area with 70% isopropyl alcohol"),
                new PrepItem("hands", "Clean your hands"),
                new PrepItem("gloves", "Put on gloves"),
                new PrepItem("position", "Position the patient comfortably so that discomfort (such as grimacing) can be seen"));
    }

    @Test
    void everyStepHasAnInstruction() throws Exception {
        Protocol p = standard();

        assertThat(p.instructions()).containsOnlyKeys(Step.values());
        assertThat(p.instruction(Step.INSERT)).contains("10 mm");
        assertThat(p.instruction(Step.DWELL)).contains("static").contains("dynamic").contains("weak");
        assertThat(p.instruction(Step.COMPRESSION)).contains("bandage");
    }

    @Test
    void aftercareGivesTheArticlesAdviceAndTheChestWallWarning() throws Exception {
        String advice = String.join("\n", standard().aftercare());

        assertThat(advice).contains("24-48 hours").contains("bruising").contains("rest").contains("3-6 sessions")
                .contains("shortness of breath").contains("chest wall");
    }

    @Test
    void sha256IsTheHashOfTheFilesExactBytes() throws Exception {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/protocol/standard.json")) {
            bytes = in.readAllBytes();
        }
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        assertThat(standard().sha256()).isEqualTo(expected).matches("[0-9a-f]{64}");
    }

    @Test
    void everyBuiltInIsValid() {
        assertThat(ProtocolCatalog.BUILT_IN).contains(ProtocolCatalog.DEFAULT).allSatisfy(name ->
                assertThat(CATALOG.check(ProtocolSource.builtIn(name)).problems()).isEmpty());
    }
}
