package org.bordercustody.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bordercustody.system.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressRulesTest {

    final AddressRules rules = new AddressRules(new ZipPrefixes());

    @Test
    void acceptsACompleteAddressAndKeysItTheSameHoweverItIsTyped() {
        IntendedAddress typed = rules.check(" 1208  Maple Ave. ", "4b", "MULTI_UNIT", "Houston", "tx", "77002-1234", null);
        IntendedAddress again = rules.check("1208 MAPLE AVE", "4B", "MULTI_UNIT", "houston", "TX", "77002", "713 555 0199");

        assertThat(typed.state()).isEqualTo("TX");
        assertThat(typed.text()).isEqualTo("1208 Maple Ave., unit 4b, Houston, TX 77002-1234");
        assertThat(typed.key()).isEqualTo(again.key());
    }

    @Test
    void aHouseNeedsNoUnit() {
        assertThat(rules.check("55 Elm St", null, "SINGLE_UNIT", "El Paso", "TX", "79901", null).unit()).isNull();
    }

    @ParameterizedTest(name = "{2}, {3} {0}")
    @CsvSource({
        "75201, TX, Dallas",
        "99901, AK, Ketchikan",
        "06390, NY, Fishers Island",
        "06390, CT, a prefix of two states",
        "00901, PR, San Juan",
        "09012, AE, an Army post in Europe",
    })
    void aZipCodeOfItsStateIsAccepted(String zip, String state, String place) {
        assertThat(rules.check("1 Main St", null, "SINGLE_UNIT", "Springfield", state, zip, null).zip()).isEqualTo(zip);
    }

    @ParameterizedTest(name = "{7}: {8}")
    @CsvSource(nullValues = "null", value = {
        "null,           null, SINGLE_UNIT, Houston, TX, 77002,      null,     addressStreet,       is required",
        "Maple Ave,      null, SINGLE_UNIT, Houston, TX, 77002,      null,     addressStreet,       house number",
        "1208 Maple Ave, null, MULTI_UNIT,  Houston, TX, 77002,      null,     addressUnit,         multi-unit",
        "1208 Maple Ave, '  ', MULTI_UNIT,  Houston, TX, 77002,      null,     addressUnit,         multi-unit",
        "1208 Maple Ave, 4B,   null,        Houston, TX, 77002,      null,     addressBuildingType, is required",
        "1208 Maple Ave, 4B,   TENT,        Houston, TX, 77002,      null,     addressBuildingType, must be one of: House or single unit; Apartment or other multi-unit building",
        "1208 Maple Ave, null, SINGLE_UNIT, null,    TX, 77002,      null,     addressCity,         is required",
        "1208 Maple Ave, null, SINGLE_UNIT, 7777,    TX, 77002,      null,     addressCity,         city name",
        "1208 Maple Ave, null, SINGLE_UNIT, Houston, null, 77002,    null,     addressState,        is required",
        "1208 Maple Ave, null, SINGLE_UNIT, Houston, XX, 77002,      null,     addressState,        not a U.S. state",
        "1208 Maple Ave, null, SINGLE_UNIT, Houston, TX, null,       null,     addressZip,          is required",
        "1208 Maple Ave, null, SINGLE_UNIT, Houston, TX, 7700,       null,     addressZip,          5 digits",
        "1208 Maple Ave, null, SINGLE_UNIT, Houston, TX, 77002-12,   null,     addressZip,          5 digits",
        "1208 Maple Ave, null, SINGLE_UNIT, Houston, TX, 77002,      call me,  contactPhone,        phone number",
        "1208 Maple Ave, null, SINGLE_UNIT, Dallas,  TX, 99999,      null,     addressZip,          'is a ZIP code of AK, not of TX'",
        "1208 Maple Ave, null, SINGLE_UNIT, Dallas,  TX, 00012,      null,     addressZip,          no ZIP code begins with 000",
    })
    void refusesAnAddressICECouldNotUseNamingTheField(String street, String unit, String building, String city,
            String state, String zip, String phone, String field, String reason) {
        assertThatThrownBy(() -> rules.check(street, unit, building, city, state, zip, phone))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).contains(reason);
                });
    }

    @Test
    void refusesEveryFaultOfAnAddressAtOnceEachWithItsFieldInTheFormsOrder() {
        assertThatThrownBy(() -> rules.check("Maple Ave", null, "MULTI_UNIT", "7777", "XX", "7700", "call me"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(InvalidRequestException.Problem::field)
                        .containsExactly("addressStreet", "addressUnit", "addressCity", "addressState", "addressZip",
                                "contactPhone"));
    }

    @Test
    void refusesAnAnswerLongerThanItsColumnNamingTheLimitTheFormsUse() {
        assertThatThrownBy(() -> rules.check("1208 " + "Maple ".repeat(20), null, "SINGLE_UNIT", "Houston", "TX",
                "77002", null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("addressStreet");
                    assertThat(e.reason()).isEqualTo("must be at most 100 characters");
                });
    }

    /** Tasklist enforces the limit as one types (Camunda Forms' maxLength): it must be the server's. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"record-intended-address.form",
        "decide-family-custody-outcome.form"})
    void theAddressFormsLimitEachFieldAsTheServerDoesAndMarkTheUnitRequired(String form) throws Exception {
        com.fasterxml.jackson.databind.JsonNode components = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(new java.io.File("bpmn/forms/" + form)).path("components");
        java.util.Map<String, Integer> limits = new java.util.TreeMap<>();
        components.forEach(field -> {
            if (AddressRules.MAX_LENGTHS.containsKey(field.path("key").asText())) {
                limits.put(field.get("key").asText(), field.path("validate").path("maxLength").asInt(-1));
            }
            if (field.path("key").asText().equals("addressUnit")) {
                assertThat(field.path("validate").path("required").asBoolean()).as("unit required where shown").isTrue();
                assertThat(field.path("conditional").path("hide").asText()).as("shown for a multi-unit building only")
                        .contains("addressBuildingType != \"MULTI_UNIT\"");
            }
        });
        assertThat(limits).isEqualTo(new java.util.TreeMap<>(AddressRules.MAX_LENGTHS));
    }
}
