package org.bordercustody.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNameTest {

    static final PersonName RECORDED = PersonName.of("García López", "Juan Carlos");

    @ParameterizedTest(name = "\"{0}\" finds García López, Juan Carlos with {1} typos")
    @CsvSource({
        "juan carlos garcia lopez, 0",
        "JUAN CARLOS GARCÍA LÓPEZ, 0",
        "Garcia-Lopez Juan Carlos, 0",
        "lopez garcia carlos juan, 0",
        "Juan Garcia Lopez, 0",
        "Juan Carlos Garsia Lopez, 1",
        "Jaun Carlos Garcia Lopez, 1",
        "Juan Carlos Garcia Lopes, 1",
        "Juan Carloss Garcia Lopez, 1",
        "Juan Carlos Garia Lopez, 1",
        "Juan Carlos Garsia Lopes, 2",
    })
    void aSearchedNameIsFoundInAnyOrderWithoutAccentsAndOneTypoPerName(String searched, int typos) {
        assertThat(RECORDED.typosToFind(PersonName.parse(searched))).isEqualTo(typos);
    }

    @ParameterizedTest(name = "\"{0}\" does not find García López, Juan Carlos")
    @CsvSource({
        "Juan Carlos Gracai Lopez",
        "Juan Carlos Garcia Lopez Perez",
        "Juan Juan Garcia",
        "Pedro Garcia Lopez",
    })
    void twoTyposInOneNameOrANameNotRecordedIsNoMatch(String searched) {
        assertThat(RECORDED.typosToFind(PersonName.parse(searched))).isNull();
    }

    @Test
    void aShortNameGetsNoTypoSoAnaIsNeverAda() {
        assertThat(PersonName.of("Lopez", "Ana").typosToFind(PersonName.parse("Ada Lopez"))).isNull();
        assertThat(PersonName.of("Lopez", "Ana").typosToFind(PersonName.parse("Anna Lopez"))).isEqualTo(1);
    }

    @Test
    void lettersWithoutADecompositionAreFoldedToo() {
        assertThat(PersonName.of("Łukasiewicz", "Søren").parts()).containsExactly("soren", "lukasiewicz");
        assertThat(PersonName.of("O'Brien", "Seán").parts()).containsExactly("sean", "obrien");
    }

    @Test
    void twoRecordedNamesAreProbablyOnePersonsWhenTheyDifferByOneTypoPerNameOrAMissingGivenName() {
        assertThat(RECORDED.probablySameAs(PersonName.of("Garcia-Lopez", "Juan Carlos"))).isTrue();
        assertThat(RECORDED.probablySameAs(PersonName.of("Garcia Lopez", "Juan"))).isTrue();
        assertThat(RECORDED.probablySameAs(PersonName.of("Lopez", "Juan Carlos Garsia"))).isTrue();
        assertThat(RECORDED.probablySameAs(PersonName.of("Lopez", "Juan"))).isFalse();
        assertThat(RECORDED.probablySameAs(PersonName.of("Garcia Lopez", "Pedro Carlos"))).isFalse();
        assertThat(PersonName.of("Perez", "Juan").probablySameAs(PersonName.of("Perez", "Juana"))).isTrue();
        assertThat(PersonName.of("Perez", "Juan").probablySameAs(PersonName.of("Perez", "Juan"))).isTrue();
    }

    @Test
    void everyPairWithinOneTypoSharesASearchKey() {
        String[][] pairs = {{"garcia", "garsia"}, {"juan", "jaun"}, {"lopez", "lopes"}, {"ana", "anna"},
            {"carlos", "carloss"}, {"maria", "mria"}, {"hernandez", "hernadnez"}};
        for (String[] pair : pairs) {
            assertThat(PersonName.typos(pair[0], pair[1])).as(pair[0] + "/" + pair[1]).isEqualTo(1);
            assertThat(PersonName.keysOf(pair[0])).as(pair[0] + "/" + pair[1])
                    .containsAnyElementsOf(PersonName.keysOf(pair[1]));
        }
    }

    @Test
    void aNameOfManyWordsKeepsEightAndCutsOverlongWords() {
        PersonName name = PersonName.parse("a b c d e f g h i j " + "x".repeat(90));
        assertThat(name.parts()).hasSize(PersonName.MAX_PARTS).doesNotContain("i", "j");
        assertThat(PersonName.parse("x".repeat(90)).parts().get(0)).hasSize(PersonName.MAX_PART_LENGTH);
    }
}
