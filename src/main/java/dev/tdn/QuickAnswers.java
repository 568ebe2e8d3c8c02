package dev.tdn;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

import dev.tdn.cli.TdnHome;
import dev.tdn.cli.VersionProvider;
import dev.tdn.protocol.ProtocolCatalog;
import dev.tdn.protocol.ProtocolException;

/**
 * Answers for the commands typed between patients and sourced by every new shell, given without
 * building the command model: picocli reads every command's annotations first, which takes
 * three times as long as starting the JVM. {@code --version} needs none of it, and the completion
 * scripts were generated from that same model at build time (a golden test keeps the packaged
 * copies equal to what the model generates); nor does listing the protocol names, which those
 * scripts ask for on every TAB after {@code --protocol}. Anything else goes through picocli.
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
        if (args.length == 3 && args[0].equals("protocol") && args[1].equals("list") && args[2].equals("--names")) {
            // what the completion scripts ask on every TAB after --protocol: no protocol is read
            try {
                ProtocolCatalog.names(TdnHome.places().protocols()).forEach(out::println);
            } catch (ProtocolException e) {
                return false; // picocli's run says what is wrong, and exits as tdn protocol list does
            }
            out.flush();
            return true;
        }
        return false;
    }
}
