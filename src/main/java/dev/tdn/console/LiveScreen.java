package dev.tdn.console;

import java.io.IOError;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The terminal, held in raw mode on the alternate screen while a session runs, and always given
 * back as it was found: on a normal end, an abort, Ctrl-C, an exception, or a shutdown of the JVM
 * (SIGTERM, or SIGHUP when the terminal closes). {@link #giveBack()} is the one place that does
 * it; every write to the terminal is made under the same lock and only before it, so nothing is
 * drawn over the normal screen afterwards.
 */
final class LiveScreen implements Screen {

    static final int TIMEOUT = -2;
    static final int EOF = -1;
    static final int ENTER = '\r';
    static final int CTRL_C = 3;
    static final int CTRL_D = 4;
    private static final int ESC = 27;
    /** How long a shutdown waits for the terminal to be given back; a hung-up terminal answers at once. */
    private static final long GIVE_BACK_MILLIS = 1000;
    /** A hangup ends the input and brings SIGHUP: time for the signal to begin the JVM's shutdown. */
    private static final long HANGUP_GRACE_NANOS = 300_000_000L;
    private static final Size SMALLEST = new Size(80, 24);

    /** Screens not yet given back, for the shutdown path ({@link StopNotice}) to wait for. */
    private static final Set<LiveScreen> OPEN = ConcurrentHashMap.newKeySet();

    private final Terminal terminal;
    private final Attributes cooked;
    private final Display display;
    private final NonBlockingReader keys;
    private final Thread giveBackOnShutdown;
    /**
     * Keys as they arrive. A terminal read only times out in steps of a tenth of a second (the
     * tty's VTIME), too coarse for a bell due within 50 ms of a window edge; so a pump thread
     * reads, and the screen waits on this queue, whose timeouts are exact.
     */
    private final BlockingQueue<Pressed> pressed = new LinkedBlockingQueue<>();
    /** A key and when it arrived, so a bounced key can be told from a deliberate one. */
    private record Pressed(int key, long at) {
    }
    private long lastArrival;
    private boolean interruptedLine;

    @Override
    public boolean cancelledByInterrupt() {
        return interruptedLine;
    }
    private final Object pumpLock = new Object();
    private final Thread pump;
    private boolean pumpPaused;
    private boolean pumpParked;
    private volatile boolean resized = true;
    /** Set as the terminal is being given back: the pump stops, and no key is handed out. */
    private volatile boolean closing;
    /** Guards every write to the terminal and every change of its modes. */
    private final Object terminalLock = new Object();
    private boolean givenBack;
    private volatile Size lastSize = SMALLEST;

    private LiveScreen(Terminal terminal) {
        this.terminal = terminal;
        this.cooked = terminal.getAttributes();
        this.display = new Display(terminal, true);
        this.keys = terminal.reader();
        this.giveBackOnShutdown = new Thread(
                () -> ShutdownStep.run("tdn-give-back", this::giveBack, GIVE_BACK_MILLIS), "tdn-shutdown-terminal");
        this.pump = new Thread(this::pumpKeys, "tdn-keys");
        this.pump.setDaemon(true);
    }

    static LiveScreen open() throws IOException {
        // JLine 3.30's native terminal writes a termios without the line speed, so a pty is left at
        // 0 baud (jline3 issue 2170; harmless on a pty, a hang-up on a serial line). The exec (stty)
        // provider keeps the speed, but its stty processes are too slow for the shutdown path:
        // under load a SIGTERM halted the JVM before the modes were restored
        return on(TerminalBuilder.builder().system(true).nativeSignals(true).build());
    }

    /** Takes over {@code terminal}: the system one, or another (the bell benchmark draws into a pipe). */
    static LiveScreen on(Terminal terminal) {
        LiveScreen screen = new LiveScreen(terminal);
        OPEN.add(screen);
        // SIGTERM and SIGHUP are the JVM's own: they run the shutdown hooks, and this one gives
        // the terminal back. (JLine's hook restores only the modes, and closes the input.)
        Runtime.getRuntime().addShutdownHook(screen.giveBackOnShutdown);
        terminal.handle(Terminal.Signal.WINCH, s -> screen.resized = true);
        // with nativeSignals JLine sets SIGINT to the system default, which kills the JVM without
        // its shutdown hooks and leaves the terminal raw: a SIGINT from outside is the Ctrl-C key
        terminal.handle(Terminal.Signal.INT, s -> screen.pressed.add(new Pressed(CTRL_C, System.nanoTime())));
        // Ctrl-Z while a line is typed (or SIGTSTP from outside) would suspend tdn with the
        // terminal still taken; a session is not put in the background
        terminal.handle(Terminal.Signal.TSTP, Terminal.SignalHandler.SIG_IGN);
        synchronized (screen.terminalLock) {
            screen.enterKeyMode();
            terminal.puts(Capability.enter_ca_mode);
            terminal.puts(Capability.keypad_xmit);
            terminal.puts(Capability.cursor_invisible);
            terminal.flush();
        }
        screen.pump.start();
        return screen;
    }

    /** Single keys, no echo, and Ctrl-C as a key: the session asks before it stops. */
    private void enterKeyMode() {
        Attributes raw = new Attributes(cooked);
        raw.setLocalFlags(java.util.EnumSet.of(Attributes.LocalFlag.ICANON, Attributes.LocalFlag.ECHO,
                Attributes.LocalFlag.IEXTEN, Attributes.LocalFlag.ISIG), false);
        raw.setInputFlags(java.util.EnumSet.of(Attributes.InputFlag.IXON, Attributes.InputFlag.ICRNL,
                Attributes.InputFlag.INLCR), false);
        raw.setControlChar(Attributes.ControlChar.VMIN, 0);
        raw.setControlChar(Attributes.ControlChar.VTIME, 1);
        terminal.setAttributes(raw);
    }

    @Override
    public boolean unicode() {
        return terminal.encoding() != null && terminal.encoding().name().toUpperCase().startsWith("UTF");
    }

    /** The terminal's size; the last one known once the shutdown path has closed the terminal. */
    @Override
    public Size size() {
        Size s;
        try {
            s = terminal.getSize();
        } catch (IOError | IllegalStateException closedUnderUs) {
            return lastSize;
        }
        // a terminal that reports nothing is treated as the smallest supported, 80x24
        lastSize = s.getColumns() <= 0 || s.getRows() <= 0 ? SMALLEST : s;
        return lastSize;
    }

    private void pumpKeys() {
        try {
            while (!closing) {
                synchronized (pumpLock) {
                    while (pumpPaused && !closing) {
                        pumpParked = true;
                        pumpLock.notifyAll();
                        pumpLock.wait();
                    }
                    pumpParked = false;
                }
                if (closing) {
                    return;
                }
                int c = keys.read(100);
                if (c == NonBlockingReader.READ_EXPIRED) {
                    continue;
                }
                if (c == EOF) {
                    inputEnded();
                    return;
                }
                pressed.put(new Pressed(c, System.nanoTime()));
            }
        } catch (IOException | IOError | InterruptedException e) {
            inputEnded();
        }
    }

    /**
     * The input ended: the terminal hung up, or JLine's shutdown hook closed it. Either way a
     * signal may be stopping the JVM; then the session must not see an end of input, or it would
     * abort and write a record while the JVM halts under it. It is left to its journal.
     */
    private void inputEnded() {
        long deadline = System.nanoTime() + HANGUP_GRACE_NANOS;
        while (!closing && !jvmStopping() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        if (!closing && !jvmStopping()) {
            pressed.add(new Pressed(EOF, System.nanoTime()));
        }
    }

    /** True once the JVM runs its shutdown hooks, when no hook can be added any more. */
    private static boolean jvmStopping() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** Stops the pump before the line editor reads the terminal, so no key goes to both. */
    private void pausePump() {
        synchronized (pumpLock) {
            pumpPaused = true;
            while (!pumpParked && pump.isAlive()) {
                try {
                    pumpLock.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void resumePump() {
        synchronized (pumpLock) {
            pumpPaused = false;
            pumpLock.notifyAll();
        }
    }

    /**
     * Waits up to {@code millis} for one key; arrow and function keys are read and ignored. While
     * the JVM shuts down, it never returns: what is on the screen is no longer there to answer.
     */
    @Override
    public int key(long millis) throws IOException {
        awaitHaltIfStopping();
        Integer c;
        try {
            Pressed p = pressed.poll(Math.max(1, millis), TimeUnit.MILLISECONDS);
            c = p == null ? null : p.key();
            if (p != null) {
                lastArrival = p.at();
            }
            if (c != null && c == ESC) {
                while (pressed.poll(15, TimeUnit.MILLISECONDS) != null) {
                    // the rest of an escape sequence
                }
                return TIMEOUT;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EOF;
        }
        awaitHaltIfStopping();
        if (c == null) {
            return closing ? EOF : TIMEOUT;
        }
        return c == '\n' ? ENTER : c;
    }

    @Override
    public long keyArrivedAt() {
        return lastArrival;
    }

    @Override
    public void discardTypeAhead() {
        // Ctrl-C stays: it may be a SIGINT from outside, and it only asks
        pressed.removeIf(p -> p.key() != EOF && p.key() != CTRL_C);
    }

    private void awaitHaltIfStopping() {
        if (closing && jvmStopping()) {
            while (true) {
                LockSupport.park(this);
            }
        }
    }

    /**
     * Draws the frame in the terminal's width and height: lines too wide are wrapped, never cut
     * ({@link FrameFit}); everything is redrawn after a resize.
     */
    @Override
    public void draw(List<AttributedString> lines) {
        Size size = size();
        List<AttributedString> fitted = FrameFit.fit(lines, size.getColumns() - 1, size.getRows() - 1);
        synchronized (terminalLock) {
            if (givenBack) {
                return;
            }
            if (resized) {
                resized = false;
                display.resize(size.getRows(), size.getColumns());
                display.clear();
                terminal.puts(Capability.clear_screen);
            }
            display.update(fitted, -1);
            terminal.flush();
        }
    }

    @Override
    public void bell() {
        synchronized (terminalLock) {
            if (givenBack) {
                return;
            }
            terminal.puts(Capability.bell);
            terminal.flush();
        }
    }

    /**
     * Reads a line of text with JLine's editor, completing from {@code candidates}; the screen
     * above is redrawn afterwards. Returns null when the clinician cancels (Ctrl-C or Ctrl-D).
     */
    @Override
    public String line(List<AttributedString> context, String prompt, List<String> candidates) {
        pausePump();
        synchronized (terminalLock) {
            if (givenBack) {
                return null;
            }
            terminal.puts(Capability.clear_screen);
            int columns = size().getColumns() - 1;
            for (AttributedString line : context) {
                FrameFit.wrap(line, columns).forEach(l -> l.println(terminal));
            }
            terminal.puts(Capability.cursor_normal);
            terminal.setAttributes(cooked);
            terminal.flush();
        }
        LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                .completer(new StringsCompleter(candidates))
                .parser(new WholeLine())
                // 80 lines of names would ask "do you wish to see all N possibilities?" in JLine's words
                .variable(LineReader.LIST_MAX, 1000)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .variable(LineReader.HISTORY_SIZE, 0)
                .build();
        interruptedLine = false;
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            interruptedLine = true;
            return null;
        } catch (EndOfFileException e) {
            return null;
        } finally {
            synchronized (terminalLock) {
                if (!givenBack) {
                    enterKeyMode();
                    terminal.puts(Capability.cursor_invisible);
                    terminal.flush();
                }
            }
            resized = true;
            resumePump();
        }
    }

    /**
     * Gives the terminal back: leaves the alternate screen, shows the cursor and restores the
     * modes it was found in (cooked, echo). The one place that does it, and idempotent: close()
     * and the shutdown hook may both call it, at once. Each step is tried on its own, because
     * JLine's own shutdown hook may already have closed the terminal (having restored the same
     * modes), and a terminal that hung up refuses everything. (JLine's native terminal sets modes
     * without the line speed, jline3 issue 2170, so stty shows speed 0 from the first change on;
     * a pseudo-terminal ignores it, a serial line would not.)
     */
    void giveBack() {
        closing = true;
        synchronized (terminalLock) {
            if (givenBack) {
                return;
            }
            givenBack = true;
            try {
                terminal.puts(Capability.exit_attribute_mode);
                terminal.puts(Capability.exit_ca_mode);
                terminal.puts(Capability.keypad_local);
                // cnorm, not cvvis: "very visible" does not undo civis on every terminal (tmux, screen)
                terminal.puts(Capability.cursor_normal);
                terminal.flush();
            } catch (RuntimeException | IOError e) {
                // a terminal that is gone shows nothing either way
            }
            try {
                terminal.setAttributes(cooked);
            } catch (RuntimeException | IOError e) {
                // closed by JLine's hook, which restored the same modes; or hung up
            }
        }
        OPEN.remove(this);
        // a paused pump wakes, sees closing and ends
        resumePump();
    }

    /** Gives back every screen still open, each within a bound: the shutdown path, before it prints. */
    static void giveBackAll() {
        for (LiveScreen screen : OPEN) {
            ShutdownStep.run("tdn-give-back", screen::giveBack, GIVE_BACK_MILLIS);
        }
    }

    @Override
    public void close() throws IOException {
        giveBack();
        try {
            Runtime.getRuntime().removeShutdownHook(giveBackOnShutdown);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run; the terminal is given back either way
        }
        // the pump ends within one read; until then it could take a key meant for the shell
        try {
            pump.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        terminal.close();
    }
}
