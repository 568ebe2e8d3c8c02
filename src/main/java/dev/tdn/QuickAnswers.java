package dev.tdn;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

import dev.tdn.cli.VersionProvider;

/**
 * Answers for the commands typed between patients and sourced by every new shell, given without
 * building the command model: picocli reads every command's annotations first, which takes
 * three times as long as starting the JVM. {@code --version} needs none of it, and the completion
 * scripts were generated from that same model at build time (a golden test keeps the packaged
 * copies equal to what the model generates). Anything else goes through picocli as usual.
 */
final class QuickAnswers {

    private static final List<String> SHELLS = List.of("bash", "zsh", "fish");

    private QuickAnswers() {
    }

    /** True when {@code args} was answered here. */
    static boolean answer(String[] args, PrintStream out) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            out.println("tdn " + VersionProvider.version());
            return true;
        }
        if (args.length == 2 && args[0].equals("completion") && SHELLS.contains(args[1])) {
            String file = switch (args[1]) {
                case "bash" -> "tdn.bash";
                case "zsh" -> "_tdn";
                default -> "tdn.fish";
            };
            try (InputStream in = QuickAnswers.class.getResourceAsStream("/completions/" + file)) {
                if (in == null) {
                    return false;
                }
                out.write(in.readAllBytes());
                out.flush();
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }
}
