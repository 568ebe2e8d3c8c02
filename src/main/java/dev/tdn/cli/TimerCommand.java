package dev.tdn.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tdn.console.TypedLines;
import dev.tdn.ExitCode;
import dev.tdn.console.Consoles;
import dev.tdn.console.LiveTimer;
import dev.tdn.console.PlainTimer;
import dev.tdn.protocol.Protocol;
import dev.tdn.protocol.ProtocolCatalog;
import dev.tdn.protocol.ProtocolException;
import dev.tdn.protocol.Window;
import dev.tdn.session.Ticker;
import dev.tdn.session.TimerView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "timer",
        mixinStandardHelpOptions = true,
        description = {
            "Time one window on its own, with no session and no record: counts up, says when the"
                    + " minimum is reached and when the maximum is passed, and stops on Enter.",
            "On a terminal it draws the time large, with the window as a bar; q and Ctrl-C stop it"
                    + " there too, and the terminal is given back as it was found however it ends."},
        showDefaultValues = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "  0:stopped: Enter, or on the live screen q or Ctrl-C",
            "  2:usage error",
            " 65:the protocol or the config file is not valid",
            " 66:the protocol was not found",
            "130:interrupted with Ctrl-C in plain lines (--plain, or no terminal)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn timer dwell          dwell window (standard protocol: 0:30-1:00)",
            "  tdn timer weak           dwell after a weak twitch (standard: 2:00-3:00)",
            "  tdn timer compression    compression window (standard: 0:30-1:00)",
            "  tdn timer 45             a 45-second target",
            "  tdn timer 30-60          any window, in seconds"})
public final class TimerCommand implements Callable<Integer> {

    private static final Pattern RANGE = Pattern.compile("(\\d{1,4}(?:\\.\\d+)?)(?:-(\\d{1,4}(?:\\.\\d+)?))?");

    @Spec
    CommandSpec spec;

    @ParentCommand
    TdnCommand root;

    @Parameters(paramLabel = "WINDOW", completionCandidates = WindowNames.class,
            description = "dwell, weak, compression, SECONDS or MIN-MAX")
    String which;

    @Option(names = "--protocol", paramLabel = "NAME|FILE", completionCandidates = ProtocolCatalog.Names.class,
            description = "Protocol whose windows to use; default: the config file's protocol, else standard.")
    String protocolName;

    @Option(names = "--plain", description = "Plain lines even on a terminal.")
    boolean plain;

    @Option(names = "--time-scale", hidden = true, paramLabel = "N", description = "Run the clock N times faster.")
    double timeScale = 1;

    @Override
    public Integer call() throws IOException, ProtocolException {
        Window window = window();
        Ticker ticker = timeScale == 1 ? Ticker.SYSTEM : Ticker.scaled(Ticker.SYSTEM, timeScale);
        if (Consoles.live(plain, System.getenv())) {
            TimerView end = new LiveTimer(window, ticker, root.colour(), timeScale).run();
            spec.commandLine().getOut().println(dev.tdn.flow.Readout.stopped(end));
            return ExitCode.OK;
        }
        BufferedReader in = new TypedLines(root.stdin());
        new PlainTimer(window, ticker, in, spec.commandLine().getOut()).run();
        return ExitCode.OK;
    }

    private Window window() throws ProtocolException {
        switch (which) {
            case "dwell", "weak", "compression" -> {
                Protocol p = ProtocolCatalog.from(TdnHome.places()).load(protocolName);
                return switch (which) {
                    case "dwell" -> p.windows().dwell();
                    case "weak" -> p.windows().weakTwitchDwell();
                    default -> p.windows().compression();
                };
            }
            default -> {
                Matcher m = RANGE.matcher(which);
                if (!m.matches()) {
                    throw new ParameterException(spec.commandLine(),
                            "WINDOW is dwell, weak, compression, SECONDS (such as 45) or MIN-MAX (such as 30-60)");
                }
                double min = Double.parseDouble(m.group(1));
                double max = m.group(2) == null ? min : Double.parseDouble(m.group(2));
                if (min <= 0 || max < min || max > 3600) {
                    throw new ParameterException(spec.commandLine(),
                            "the window needs 0 < MIN <= MAX <= 3600 seconds");
                }
                return new Window(min, max);
            }
        }
    }

    /** What the shell offers to complete. */
    static final class WindowNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("dwell", "weak", "compression").iterator();
        }
    }
}
