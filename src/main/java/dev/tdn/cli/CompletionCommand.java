package dev.tdn.cli;

import java.util.concurrent.Callable;

import dev.tdn.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print the shell completion script for bash, zsh or fish.",
            "The same scripts ship in completions/ and in the release archive; all three are made from the"
                    + " commands themselves, so they complete every command, option, fixed choice and the"
                    + " built-in muscle names (for -m)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(tdn completion bash)                      # bash, this shell only",
            "  mkdir -p ~/.local/share/bash-completion/completions && tdn completion bash > ~/.local/share/bash-completion/completions/tdn",
            "  mkdir -p ~/.zfunc && tdn completion zsh > ~/.zfunc/_tdn      # with fpath+=(~/.zfunc) in ~/.zshrc",
            "  mkdir -p ~/.config/fish/completions && tdn completion fish > ~/.config/fish/completions/tdn.fish"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the script was printed",
            "2:usage error: the shell is not bash, zsh or fish"})
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish")
    ShellScripts.Shell shell;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(ShellScripts.script(shell, spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
