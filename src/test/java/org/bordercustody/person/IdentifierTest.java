package org.bordercustody.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bordercustody.system.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdentifierTest {

    @ParameterizedTest(name = "{0} is kept as {1}")
    @CsvSource({
        "A201555012, A201555012",
        "A-201-555-012, A201555012",
        "a 201 555 012, A201555012",
        "A12345678, A012345678",
    })
    void anANumberIsKeptAsAAndNineDigits(String typed, String kept) {
        assertThat(Identifier.aNumber(typed, "aNumber").value()).isEqualTo(kept);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"201555012", "A1234567", "A1234567890", "B201555012", "A20155501X", "A２０１５５５０１２"})
    void aMalformedANumberIsRefusedNamingTheField(String typed) {
        assertThatThrownBy(() -> Identifier.aNumber(typed, "persons[0].identifiers.aNumber"))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("persons[0].identifiers.aNumber");
    }

    @Test
    void aFinIsDigitsOnly() {
        assertThat(Identifier.fin("1234 5678-90", "fin").value()).isEqualTo("1234567890");
        assertThatThrownBy(() -> Identifier.fin("12345X7890", "fin")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Identifier.fin("12345", "fin")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aDocumentIsItsTypeCountryAndNumberWrittenOneWay() {
        Identifier passport = Identifier.document("PASSPORT", "g123-4567", "HN", "document");
        assertThat(passport.value()).isEqualTo("PASSPORT/HN/G1234567");
        assertThat(passport.words()).isEqualTo("passport G1234567 (Honduras)");
        assertThatThrownBy(() -> Identifier.document("DIARY", "G1234567", "HN", "documents[0]"))
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("documents[0].type");
        assertThatThrownBy(() -> Identifier.document("PASSPORT", "G1234567", "XX", "documents[0]"))
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("documents[0].country");
        assertThatThrownBy(() -> Identifier.document("PASSPORT", "G1", "HN", "documents[0]"))
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("documents[0].number");
    }
}
