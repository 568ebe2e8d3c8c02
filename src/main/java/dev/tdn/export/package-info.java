/**
 * What leaves tdn for other systems: NDJSON, CSV and FHIR, each an {@code Export} fed the
 * chosen records oldest first. A new format is a class here and a value of {@code ExportFormat}.
 */
package dev.tdn.export;
