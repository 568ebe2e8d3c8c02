package dev.tdn.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import dev.tdn.ExitCode;
import dev.tdn.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error in two lines: what is wrong (with the near miss it probably was), then where help
 * is. picocli's default prints the whole help after the error, which buries the one line that
 * matters under forty. An argument that is not an option or a command name is not quoted: it may
 * be a patient id typed in the wrong place.
 */
public final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        CommandSpec spec = cl.getCommandSpec();
        PrintWriter err = cl.getErr();
        // picocli's messages quote the argument that was wrong, as it was typed or read from a file
        err.println(spec.qualifiedName() + ": " + Printable.line(what(e, spec)));
        err.println("See '" + spec.qualifiedName() + " --help'.");
        err.flush();
        return ExitCode.USAGE;
    }

    private static String what(ParameterException e, CommandSpec spec) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return lowerFirst(e.getMessage());
        }
        String arg = unmatched.getUnmatched().get(0);
        if (arg.startsWith("-") && arg.length() > 1) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            List<String> names = new ArrayList<>();
            for (OptionSpec o : spec.options()) {
                if (!o.hidden()) {
                    names.addAll(List.of(o.names()));
                }
            }
            return "unknown option " + name + meant(NearMiss.of(name, names));
        }
        if (!spec.subcommands().isEmpty()) {
            List<String> commands = new ArrayList<>();
            spec.subcommands().forEach((n, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    commands.add(n);
                }
            });
            // a command name is not patient data; it is shown only when it looks like one
            String shown = arg.matches("[A-Za-z][A-Za-z-]{0,20}") ? "'" + arg + "' is not a " + spec.name() + " command"
                    : "that is not a " + spec.name() + " command";
            return shown + meant(NearMiss.of(arg, commands));
        }
        return "takes no more arguments (" + unmatched.getUnmatched().size() + " left over)";
    }

    private static String meant(List<String> nearMisses) {
        return nearMisses.isEmpty() ? "" : "; did you mean " + String.join(" or ", nearMisses) + "?";
    }

    private static String lowerFirst(String message) {
        if (message == null || message.isEmpty()) {
            return "usage error";
        }
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
