package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import dev.tdn.Tdn;
import dev.tdn.cli.ShellScripts.Kind;

/** What each argument completes to, as the scripts read it from the command model. */
class ShellScriptsTest {

    static final CommandSpec ROOT = Tdn.commandLine(new ByteArrayInputStream(new byte[0])).getCommandSpec();

    static CommandSpec command(String... path) {
        CommandLine cl = ROOT.commandLine();
        for (String name : path) {
            cl = cl.getSubcommands().get(name);
        }
        return cl.getCommandSpec();
    }

    static Kind option(String name, String... path) {
        return ShellScripts.completes(command(path).findOption(name)).kind();
    }

    static Kind positional(String... path) {
        return ShellScripts.completes(command(path).positionalParameters().get(0)).kind();
    }

    @Test
    void recordAndProtocolFilesAreFilesThoughTheyAreKeptAsStringsForStandardInput() {
        assertThat(positional("validate")).isEqualTo(Kind.FILE);
        assertThat(positional("import")).isEqualTo(Kind.FILE);
        assertThat(positional("protocol", "validate")).isEqualTo(Kind.FILE);
        assertThat(option("-o", "export")).isEqualTo(Kind.FILE);
    }

    @Test
    void folderOptionsAreFolders() {
        assertThat(option("--out", "session")).isEqualTo(Kind.DIRECTORY);
        assertThat(option("--out", "recover")).isEqualTo(Kind.DIRECTORY);
    }

    @Test
    void aProtocolIsAskedOfTdnWithTheBuiltInOnesToFallBackOn() {
        for (var c : new ShellScripts.Completes[] {ShellScripts.completes(command("session").findOption("--protocol")),
                ShellScripts.completes(command("timer").findOption("--protocol")),
                ShellScripts.completes(command("protocol", "show").positionalParameters().get(0))}) {
            assertThat(c.kind()).isEqualTo(Kind.PROTOCOL);
            assertThat(c.choices()).containsExactly("standard");
        }
    }

    @Test
    void musclesAreChoicesAndIdsAreLeftToBeTyped() {
        assertThat(ShellScripts.completes(command("session").findOption("-m")).choices())
                .contains("upper trapezius", "upper trapezius:left", "upper trapezius:right");
        assertThat(option("--patient", "session")).isEqualTo(Kind.NOTHING);
        assertThat(positional("show")).isEqualTo(Kind.NOTHING);
        assertThat(option("--store", "list")).isEqualTo(Kind.NOTHING);
    }
}
