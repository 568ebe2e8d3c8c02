package dev.tdn.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.tdn.json.Problem;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --json}, shared by every command that can answer a script: one option, one mapper, one
 * way of printing. Each command says in its description what its JSON holds; what is printed is a
 * plain Java record (or a report's own tree), so its shape is in one place and typed.
 */
public final class JsonOutput {

    /**
     * Indented, fields in declaration order, nulls kept: a field is always there, as in the records.
     * Built on first use, not with the option: a mapper costs a quick command's start-up, and most
     * runs print a table.
     */
    private static final class Writer {
        static final ObjectWriter JSON = JsonMapper.builder()
                .disable(tools.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build()
                .writerWithDefaultPrettyPrinter();
    }

    @Option(names = "--json", description = "Print JSON for scripts instead of text (what it holds is described above).")
    boolean json;

    /** Whether JSON was asked for. */
    public boolean on() {
        return json;
    }

    /** Prints {@code value} as one JSON document and a newline. */
    public void print(PrintWriter out, Object value) {
        String text = Writer.JSON.writeValueAsString(value);
        // exact for a script; on a terminal, C1 and bidi characters (JSON leaves them as they are) are not
        out.println(dev.tdn.console.Consoles.interactive() ? dev.tdn.Printable.lines(text) : text);
    }

    /** A problem as scripts read it: {@code file}, not the source's internal name. */
    record ProblemJson(String file, int line, int column, String path, String rule, String message) {
        static List<ProblemJson> of(List<Problem> problems) {
            return problems.stream().map(p -> new ProblemJson(p.source(), p.line(), p.column(), p.path(), p.rule(),
                    p.message())).toList();
        }
    }

    /** An input that could not be used, and why. */
    record InputJson(String file, String reason) {
    }
}
