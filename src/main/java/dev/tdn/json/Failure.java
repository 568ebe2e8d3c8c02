package dev.tdn.json;

import tools.jackson.databind.JsonNode;

/**
 * One keyword of a schema that a document breaks, as found, before it is put in words:
 * {@code at} the value it concerns ({@code property} the field, for a missing or unknown one),
 * {@code limit} the keyword's value in the schema, {@code schemaPointer} where the keyword sits
 * in the schema (its {@code x-rule} and {@code x-form} are looked up from there), and
 * {@code instance} the value found.
 */
record Failure(String keyword, JsonPath at, String property, JsonNode limit, String schemaPointer, JsonNode instance) {
}
