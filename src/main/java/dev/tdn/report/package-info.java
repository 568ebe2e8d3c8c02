/**
 * Reports over the store's records: each a {@code Report} fed one record at a time, printed as an
 * 80-column table or given as JSON. A new report is a class here and a value of {@code ReportKind}.
 */
package dev.tdn.report;
