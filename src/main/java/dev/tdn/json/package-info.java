/**
 * Reading JSON that may be hostile, with every problem located by file, line, column and path:
 * bounded parsing ({@code LocatedJson}, {@code LineReader}), schema checks ({@code SchemaCheck})
 * and {@code Problem}, whose messages never quote a value.
 */
package dev.tdn.json;
