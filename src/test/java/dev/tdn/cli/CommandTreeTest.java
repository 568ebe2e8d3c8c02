package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

import dev.tdn.Tdn;

/**
 * A quick command builds only its own part of the command tree; what the user sees must be
 * exactly what the whole tree would have shown.
 */
class CommandTreeTest {

    @Test
    void everySubcommandsHelpIsTheSameFromItsOwnTree() {
        for (String name : TdnCommand.SUBCOMMANDS.keySet()) {
            String[] args = {name, "--help"};
            assertThat(run(Tdn.commandLine(stdin(), args), args)).as(name)
                    .isEqualTo(run(Tdn.commandLine(stdin()), args));
        }
    }

    @Test
    void eachSubcommandIsListedUnderItsOwnName() {
        TdnCommand.SUBCOMMANDS.forEach((name, command) ->
                assertThat(command.getAnnotation(CommandLine.Command.class).name()).isEqualTo(name));
    }

    @Test
    void globalOptionsBeforeTheSubcommandStillReachIt() {
        String[] args = {"--no-color", "--store", "jdbc:sqlite:/nonexistent/dir/x.db", "show", "--help"};
        assertThat(TdnCommand.invoked(args)).isEqualTo("show");
        assertThat(run(Tdn.commandLine(stdin(), args), args)).isEqualTo(run(Tdn.commandLine(stdin()), args));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "--version", "lst", "completion", "--store", "--frobnicate list", ""})
    void rootHelpTyposAndCompletionGetTheWholeTree(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertThat(TdnCommand.invoked(args)).isNull();
        assertThat(Tdn.commandLine(stdin(), args).getSubcommands().keySet())
                .containsExactlyElementsOf(TdnCommand.SUBCOMMANDS.keySet());
    }

    @Test
    void aQuickCommandBuildsOnlyItself() {
        String[] args = {"--store=jdbc:sqlite:x.db", "list", "--limit", "5"};
        assertThat(Tdn.commandLine(stdin(), args).getSubcommands().keySet()).containsExactly("list");
    }

    private static ByteArrayInputStream stdin() {
        return new ByteArrayInputStream(new byte[0]);
    }

    private static String run(CommandLine cl, String[] args) {
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int code = cl.execute(args);
        return code + "\n" + out;
    }
}
