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
 * scripts and the root's {@code --help} were generated from that same model at build time (a
 * golden test keeps the packaged copies equal to what the model generates); nor does listing the protocol names, which those
 * scripts ask for on every TAB after {@code --protocol}. Anything else goes through picocli.
 */
final class QuickAnswers {

    private static final List<String> SHELLS = List.of("bash", "zsh", "fish");

    private QuickAnswers() {
    }

    /**
     * Whether picocli renders help as it did at build time: no {@code picocli.*} setting (a width,
     * a colour) but the one its style rule reads itself.
     */
    private static boolean picocliAsBuilt() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("picocli.") && !name.equals("picocli.ansi")) {
                return false;
            }
        }
        return true;
    }

    /** A resource of the jar to {@code out}; false when it is missing, for picocli to answer. */
    private static boolean copy(String resource, PrintStream out) {
        try (InputStream in = QuickAnswers.class.getResourceAsStream(resource)) {
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

    /** True when {@code args} was answered here. */
    static boolean answer(String[] args, PrintStream out) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            out.println("tdn " + VersionProvider.version());
            return true;
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h")) && picocliAsBuilt()) {
            // the root's help as picocli renders it, in both its styles, made from the model at build
            // time (a golden test keeps them equal); picocli's own rule says which style this output takes
            return copy(picocli.CommandLine.Help.Ansi.AUTO.enabled() ? "/help/tdn.ansi.txt" : "/help/tdn.txt", out);
        }
        if (args.length == 2 && args[0].equals("completion") && SHELLS.contains(args[1])) {
            String file = switch (args[1]) {
                case "bash" -> "tdn.bash";
                case "zsh" -> "_tdn";
                default -> "tdn.fish";
            };
            return copy("/completions/" + file, out);
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
