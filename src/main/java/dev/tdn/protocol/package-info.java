/**
 * Protocols: the built-in {@code standard} and a clinic's own files, found by name
 * ({@code ProtocolCatalog}), checked against their schema and rules ({@code ProtocolValidator}),
 * and the muscle catalogue ({@code MuscleCatalogue}). A protocol changes wording, windows and
 * checklists without code.
 */
package dev.tdn.protocol;
