/**
 * The command line, and nothing else: each command parses its options (picocli), calls the core
 * once or twice and prints. Shared options are mixins ({@code SessionFilters}, {@code JsonOutput}),
 * fixed choices are enums read by {@code Spelled}, the config file gives defaults through
 * {@code ConfigDefaults}, failures leave as {@code TdnException} for {@code Failures} to map to
 * exit codes, and usage errors are two lines from {@code UsageErrors}. A new command is a class
 * here, named in {@code TdnCommand.SUBCOMMANDS}.
 */
package dev.tdn.cli;
