/**
 * tdn: the entry point ({@code Tdn}), where things live ({@code Places}), the clinician's
 * defaults ({@code Config}), the exit codes and the one failure type every layer throws
 * ({@code TdnException}), and private files written whole (0600 in 0700 folders).
 *
 * <p>Data flows one way: keys and lines typed ({@code console}) become inputs to a session
 * ({@code flow}, {@code session}), each journaled to disk ({@code journal}) before the next
 * question; the session's end is a record ({@code record}) filed by the treatment room
 * ({@code room}), imported into the clinic store ({@code store}), and read from there by lists,
 * reports ({@code report}) and exports ({@code export}). {@code cli} only parses and prints.
 */
package dev.tdn;
