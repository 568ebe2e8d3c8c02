/**
 * The session record, the contract with everyone who imports it: immutable records mirroring
 * the v1 schema, its JSON form ({@code RecordJson}), its file written durably
 * ({@code RecordFile}), and its checks, the schema and the rules beyond it
 * ({@code RecordValidator}, {@code RecordRules}). Adding a field changes the schema in the same
 * commit.
 */
package dev.tdn.record;
