package dev.tdn.note;

import java.util.Locale;

import dev.tdn.Printable;

/**
 * How a procedure note is laid out: plain text for an EMR's free-text box, Markdown for one that
 * renders it. Each knows how to make text typed by people (muscle names, reasons, notes) safe in
 * its layout: control characters never pass (the note is pasted, and may be shown on a terminal
 * first), and in Markdown a typed "*" or "<b>" stays a character, never formatting or markup.
 */
public enum NoteFormat {
    TEXT {
        @Override
        void title(StringBuilder sb, String title) {
            sb.append(title).append('\n').append("=".repeat(title.length())).append('\n');
        }

        @Override
        void heading(StringBuilder sb, String heading) {
            sb.append('\n').append(heading).append('\n').append("-".repeat(heading.length())).append('\n');
        }

        @Override
        void subheading(StringBuilder sb, String heading) {
            sb.append('\n').append(heading).append('\n');
        }

        @Override
        void field(StringBuilder sb, String label, String value, boolean nested) {
            String indent = nested ? "  " : "";
            String head = indent + label + ": ";
            // values line up, so a reader runs down one column
            int width = 26;
            sb.append(head).append(" ".repeat(Math.max(0, width - head.length())))
                    .append(value.replace("\n", "\n" + " ".repeat(Math.max(width, head.length())))).append('\n');
        }

        @Override
        void item(StringBuilder sb, String text) {
            sb.append("- ").append(text.replace("\n", "\n  ")).append('\n');
        }

        @Override
        String typed(String text) {
            return Printable.line(text);
        }

        @Override
        String typedLines(String text) {
            return Printable.lines(text);
        }
    },
    MARKDOWN {
        @Override
        void title(StringBuilder sb, String title) {
            sb.append("# ").append(title).append("\n\n");
        }

        @Override
        void heading(StringBuilder sb, String heading) {
            sb.append("\n## ").append(heading).append("\n\n");
        }

        @Override
        void subheading(StringBuilder sb, String heading) {
            sb.append("\n### ").append(heading).append("\n\n");
        }

        @Override
        void field(StringBuilder sb, String label, String value, boolean nested) {
            // two trailing spaces: a hard line break inside the value, as CommonMark has it
            sb.append("- **").append(label).append(":** ").append(value.replace("\n", "  \n  ")).append('\n');
        }

        @Override
        void item(StringBuilder sb, String text) {
            sb.append("- ").append(text.replace("\n", "  \n  ")).append('\n');
        }

        @Override
        String typed(String text) {
            return escape(Printable.line(text));
        }

        @Override
        String typedLines(String text) {
            StringBuilder sb = new StringBuilder();
            String previous = null;
            for (String line : Printable.lines(text).split("\n", -1)) {
                String escaped = escape(line);
                // what would open a heading, list, quote or rule at the start of a line is text here
                if (!escaped.isEmpty() && "#>+=-".indexOf(escaped.charAt(0)) >= 0
                        || escaped.matches("[0-9]+[.)].*")) {
                    escaped = escaped.replaceFirst("^([0-9]*)(.)", "$1\\\\$2");
                }
                if (previous != null) {
                    // the clinician's line breaks stay breaks (two spaces), not one run-on paragraph
                    sb.append(previous.isEmpty() || escaped.isEmpty() ? "\n" : "  \n");
                }
                sb.append(escaped);
                previous = escaped;
            }
            return sb.toString();
        }
    };

    /** The name on the command line. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    abstract void title(StringBuilder sb, String title);

    abstract void heading(StringBuilder sb, String heading);

    abstract void subheading(StringBuilder sb, String heading);

    /** A labelled line; {@code nested} under a subheading (a point). */
    abstract void field(StringBuilder sb, String label, String value, boolean nested);

    void paragraph(StringBuilder sb, String text) {
        sb.append(text).append('\n');
    }

    abstract void item(StringBuilder sb, String text);

    /** One-line text from the record, safe in this layout. */
    abstract String typed(String text);

    /** Free text from the record that may run over lines (the session notes). */
    abstract String typedLines(String text);

    /**
     * Backslash before each character CommonMark could read as inline formatting, a link, an
     * entity or HTML; any ASCII punctuation may be escaped so, and the rest reads as typed.
     */
    private static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>|~&!#".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
