package dev.tdn.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tdn.protocol.MuscleCatalogue.Entry;

/** What a clinician types, and the entry and whole muscle the record then names. */
class MuscleCatalogueTest {

    @ParameterizedTest(name = "\"{0}\" is {1}, part of {2}")
    @CsvSource(delimiter = '|', textBlock = """
            upper trapezius      | upper trapezius      | trapezius
            Upper Trapezius      | upper trapezius      | trapezius
            '  upper   trapezius ' | upper trapezius    | trapezius
            upper trap           | upper trapezius      | trapezius
            UT                   | upper trapezius      | trapezius
            mid trap             | middle trapezius     | trapezius
            lower trap           | lower trapezius      | trapezius
            trapezius            | trapezius            | trapezius
            levator              | levator scapulae     | levator scapulae
            QL                   | quadratus lumborum   | quadratus lumborum
            SCM                  | sternocleidomastoid  | sternocleidomastoid
            TFL                  | tensor fasciae latae | tensor fasciae latae
            tensor fascia lata   | tensor fasciae latae | tensor fasciae latae
            glute med            | gluteus medius       | gluteus medius
            Glute  Med           | gluteus medius       | gluteus medius
            pec minor            | pectoralis minor     | pectoralis minor
            lats                 | latissimus dorsi     | latissimus dorsi
            infra                | infraspinatus        | infraspinatus
            anterior delt        | anterior deltoid     | deltoid
            medial gastroc       | medial gastrocnemius | gastrocnemius
            biceps femoris long head | biceps femoris long head | biceps femoris
            lumbar multifidus    | lumbar multifidus    | multifidus
            rhomboid minor       | rhomboid minor       | rhomboid minor
            """)
    void commonSpellingsAndAbbreviationsFindTheirEntry(String typed, String name, String muscle) {
        assertThat(MuscleCatalogue.find(typed)).map(e -> e.name() + " / " + e.muscle()).contains(name + " / " + muscle);
    }

    @Test
    void aNonBreakingSpaceOrTabCountsAsASpace() {
        assertThat(MuscleCatalogue.find("upper\u00a0trapezius")).map(Entry::name).contains("upper trapezius");
        assertThat(MuscleCatalogue.find("upper\ttrap")).map(Entry::name).contains("upper trapezius");
    }

    @ParameterizedTest
    @ValueSource(strings = {"biceps", "triceps", "rhomboid", "trap", "TA", "LT", "traps left", "", "  ",
        "upper trapezius left", "uppertrapezius"})
    void anAmbiguousOrUnknownNameIsNotListed(String typed) {
        assertThat(MuscleCatalogue.find(typed)).isEmpty();
    }

    @Test
    void completionOffersEachEntryByItsOwnNameOnly() {
        List<String> names = MuscleCatalogue.names();

        assertThat(names).contains("upper trapezius", "trapezius", "levator scapulae", "gluteus medius")
                .doesNotContain("UT", "upper trap", "QL", "lats").doesNotHaveDuplicates();
        assertThat(names).allSatisfy(n -> assertThat(MuscleCatalogue.normalised(n)).isEqualTo(n));
        assertThat(names).allSatisfy(n -> assertThat(MuscleCatalogue.find(n)).map(Entry::name).contains(n));
    }

    @Test
    void everyPartBelongsToAWholeMuscleTheCatalogueLists() {
        for (String name : MuscleCatalogue.names()) {
            Entry e = MuscleCatalogue.find(name).orElseThrow();
            assertThat(MuscleCatalogue.find(e.muscle())).as(name).map(Entry::whole).contains(true);
        }
    }

    @Test
    void aSpellingOfTwoEntriesIsRefused() {
        assertThatThrownBy(() -> MuscleCatalogue.index(List.of(
                "biceps brachii | also: biceps",
                "# a comment",
                "biceps femoris | also: Biceps")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("/muscles.txt line 3: 'biceps' would name both 'biceps brachii' and 'biceps femoris'");
    }

    @Test
    void anEntryListedTwiceIsRefused() {
        assertThatThrownBy(() -> MuscleCatalogue.index(List.of("soleus", "soleus")))
                .hasMessageContaining("line 2").hasMessageContaining("'soleus'");
    }

    @Test
    void aPartOfAMuscleTheCatalogueDoesNotListIsRefused() {
        assertThatThrownBy(() -> MuscleCatalogue.index(List.of("upper trapezius | part of: trapezius")))
                .hasMessageContaining("line 1").hasMessageContaining("must be a whole muscle");
        assertThatThrownBy(() -> MuscleCatalogue.index(List.of("deltoid", "anterior deltoid | part of: deltoid",
                "anterior fibres | part of: anterior deltoid")))
                .hasMessageContaining("line 3");
    }

    @Test
    void aNameNotWrittenAsItIsRecordedOrAnUnknownFieldIsRefused() {
        assertThatThrownBy(() -> MuscleCatalogue.index(List.of("Soleus"))).hasMessageContaining("lower case");
        assertThatThrownBy(() -> MuscleCatalogue.index(List.of("soleus | aka: calf")))
                .hasMessageContaining("expected 'part of:', 'also:' or 'snomed:'");
        assertThatThrownBy(() -> MuscleCatalogue.index(List.of("soleus | also: calf,")))
                .hasMessageContaining("an empty spelling");
    }

    @Test
    void theLineFormatReadsBack() {
        MuscleCatalogue.Index index = MuscleCatalogue.index(List.of(
                "trapezius", " upper trapezius |part of:trapezius|  also: upper trap , UT "));

        assertThat(index.names()).containsExactly("trapezius", "upper trapezius");
        assertThat(index.find("ut")).contains(new Entry("upper trapezius", "trapezius", null));
        assertThat(index.find("Upper Trap")).contains(new Entry("upper trapezius", "trapezius", null));
    }

    @Test
    void aPartWithoutACodeOfItsOwnIsCodedAsItsWholeMuscle() {
        MuscleCatalogue.Index index = MuscleCatalogue.index(List.of(
                "trapezius | snomed: 31764008", "upper trapezius | part of: trapezius | also: UT", "deltoid"));

        assertThat(index.find("UT")).contains(new Entry("upper trapezius", "trapezius", "31764008"));
        assertThat(index.find("deltoid").orElseThrow().snomed()).isNull();
        assertThat(MuscleCatalogue.find("upper trap").orElseThrow().snomed()).isEqualTo("31764008");
        assertThat(MuscleCatalogue.find("levator").orElseThrow().snomed()).isEqualTo("11327007");
        assertThat(MuscleCatalogue.find("quadratus lumborum").orElseThrow().snomed()).isNull();
    }

    @Test
    void aMistypedSnomedCodeIsRefusedWithItsLine() {
        // one digit off: the Verhoeff check digit no longer holds
        assertThatThrownBy(() -> MuscleCatalogue.index(List.of("trapezius | snomed: 31764009")))
                .hasMessageContaining("line 1").hasMessageContaining("'31764009' is not a SNOMED CT concept id");
        // a description's id (partition 01), not a concept's
        assertThatThrownBy(() -> MuscleCatalogue.index(List.of("trapezius | snomed: 1234011")))
                .hasMessageContaining("is not a SNOMED CT concept id");
    }
}
