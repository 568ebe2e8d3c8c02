package dev.tdn.console;

import java.io.IOException;
import java.util.List;

import org.jline.terminal.Size;
import org.jline.utils.AttributedString;

/**
 * A full screen that shows frames and hands back single keys and typed lines: the terminal in
 * use, or a scripted one in tests, so the live session is tested without a terminal.
 */
interface Screen extends AutoCloseable {

    int TIMEOUT = -2;
    int EOF = -1;
    int ENTER = '\r';
    int CTRL_C = 3;
    int CTRL_D = 4;

    void draw(List<AttributedString> lines);

    /** Waits up to {@code millis} for one key: a character, {@link #ENTER}, {@link #TIMEOUT} or {@link #EOF}. */
    int key(long millis) throws IOException;

    /** When the last key returned by {@link #key} arrived, on the monotonic clock ({@code System.nanoTime}). */
    long keyArrivedAt();

    /** Forgets keys typed ahead: they were meant for a screen that is gone. */
    void discardTypeAhead();

    /** A line of text typed with completion from {@code candidates}; null when cancelled (Ctrl-C, Ctrl-D). */
    String line(List<AttributedString> context, String prompt, List<String> candidates);

    /** Whether the last {@link #line} that returned null was ended by Ctrl-C (not Ctrl-D). */
    boolean cancelledByInterrupt();

    void bell();

    Size size();

    boolean unicode();

    @Override
    void close() throws IOException;
}
