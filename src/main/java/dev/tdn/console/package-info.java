/**
 * The two renderers of a session's questions: plain lines for pipes and scripts
 * ({@code LineSession}), and the live screen for the treatment room ({@code LiveSession} on
 * {@code LiveScreen}, JLine), which always gives the terminal back as it found it.
 * {@code Consoles} decides between them before any terminal library is touched.
 */
package dev.tdn.console;
