package dev.tdn.build;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;

import dev.tdn.Tdn;
import dev.tdn.cli.ManSections;
import dev.tdn.cli.ShellScripts;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The files made from the command model and committed: completion scripts ({@code completions/}),
 * man pages ({@code man/}) and the root's help ({@code src/main/resources/help/}, which
 * {@code tdn --help} prints without building the model). One generator serves the build (which writes them for the
 * release archive), the refresh command (which writes them into the repository) and the test
 * that fails when the committed ones are stale.
 *
 * <p>Refresh: {@value #REFRESH}
 */
public final class GeneratedFiles {

    public static final String REFRESH = "mvn -B -q -DskipTests -Pregenerate test-compile exec:java";

    private GeneratedFiles() {
    }

    /** Relative path (such as {@code man/tdn-session.1}) to content. */
    public static Map<String, String> all() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        CommandLine root = Tdn.commandLine(System.in);
        for (ShellScripts.Shell shell : ShellScripts.Shell.values()) {
            files.put("completions/" + ShellScripts.fileName(shell), ShellScripts.script(shell, root));
        }
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            manPages(root, "tdn", asciidoctor, files);
        }
        files.put(HELP + "tdn.txt", rootHelp(CommandLine.Help.Ansi.OFF));
        files.put(HELP + "tdn.ansi.txt", rootHelp(CommandLine.Help.Ansi.ON));
        return files;
    }

    /** Where {@code tdn --help}'s text is kept for the quick answer, in picocli's two styles. */
    public static final String HELP = "src/main/resources/help/";

    /** What {@code tdn --help} prints through picocli, in {@code ansi}'s style. */
    public static String rootHelp(CommandLine.Help.Ansi ansi) {
        CommandLine cl = Tdn.commandLine(System.in, new String[] {"--help"});
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
        java.io.StringWriter out = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(out));
        int code = cl.execute("--help");
        if (code != 0) {
            throw new IllegalStateException("tdn --help exited " + code);
        }
        return out.toString();
    }

    private static void manPages(CommandLine command, String name, Asciidoctor asciidoctor, Map<String, String> out)
            throws IOException {
        CommandSpec spec = command.getCommandSpec();
        // the synopsis in one line, which groff then fills: at picocli's 80 columns it breaks wherever
        // the column ends, even inside [--resume[=ID]], and groff shows that break as a space
        spec.usageMessage().width(SYNOPSIS_WIDTH);
        StringWriter adoc = new StringWriter();
        ManPageGenerator.writeSingleManPage(new java.io.PrintWriter(adoc), spec);
        String page = withEnvironmentAndFiles(literalLabels(adoc.toString(), spec));
        String roff = asciidoctor.convert(page, Options.builder().backend("manpage").standalone(true)
                .safe(SafeMode.SAFE).attributes(org.asciidoctor.Attributes.builder()
                        .attribute("mansource", "tdn " + dev.tdn.cli.VersionProvider.version())
                        .attribute("manmanual", "tdn manual")
                        // a fixed date keeps the pages reproducible: regenerating changes only what changed
                        .attribute("docdate", "2026-11-26").attribute("reproducible", "").build()).build());
        out.put("man/" + name + ".1", hangingSynopsis(roff));
        for (var sub : command.getSubcommands().entrySet()) {
            // `tdn help CMD` shows the page of CMD: it needs none of its own
            if (sub.getKey().equals(sub.getValue().getCommandName()) && !sub.getValue().getCommandSpec().usageMessage().hidden()
                    && !(sub.getValue().getCommand() instanceof CommandLine.HelpCommand)) {
                manPages(sub.getValue(), name + "-" + sub.getKey(), asciidoctor, out);
            }
        }
    }

    private static final int SYNOPSIS_WIDTH = 1000;

    private static final String FOOTER = "// tag::picocli-generated-man-section-footer[]";

    /**
     * Labels such as NAME[:SIDE] and NAME|FILE as written: picocli puts them in the AsciiDoc as they
     * are, inside _emphasis_, where brackets and bars can be read as markup (what each asciidoctor
     * makes of them differs). A {@code ++} passthrough keeps them text whatever converts the page.
     */
    static String literalLabels(String adoc, CommandSpec spec) {
        String out = adoc;
        for (ArgSpec arg : spec.args()) {
            String label = arg.paramLabel();
            if (!label.matches("[A-Za-z0-9-]*")) {
                out = out.replace("_" + label + "_", "_++" + label + "++_");
            }
        }
        return out;
    }

    /**
     * The synopsis's later lines indented under the command's name, as man pages show them, so that
     * a reader sees where one command's synopsis ends and the next section starts.
     */
    static String hangingSynopsis(String roff) {
        String start = ".SH \"SYNOPSIS\"\n.sp\n";
        int at = roff.indexOf(start);
        int end = roff.indexOf("\n.SH ", at + start.length());
        if (at < 0 || end < 0) {
            throw new IllegalStateException("no SYNOPSIS section followed by another in the converted page");
        }
        int body = at + start.length();
        return roff.substring(0, body) + ".in +4n\n.ti -4n\n" + roff.substring(body, end) + "\n.in -4n"
                + roff.substring(end);
    }

    /** The ENVIRONMENT and FILES sections ({@link ManSections}), before the examples and exit codes. */
    static String withEnvironmentAndFiles(String adoc) {
        if (!adoc.contains(FOOTER)) {
            throw new IllegalStateException("picocli's man page has no footer section to put ENVIRONMENT before");
        }
        StringBuilder sections = new StringBuilder("== Environment\n");
        ManSections.environment().forEach(e -> entry(sections, e));
        sections.append("\n== Files\n\n").append(literal(ManSections.filesIntroduction())).append("\n");
        ManSections.files().forEach(e -> entry(sections, e));
        return adoc.replace(FOOTER, sections + "\n" + FOOTER);
    }

    private static void entry(StringBuilder sb, ManSections.Entry e) {
        sb.append("\n*").append(literal(e.term())).append("*::\n  ").append(literal(e.text())).append("\n");
    }

    /** Plain text in AsciiDoc: a pair of ~ would be a subscript, a pair of _ emphasis. */
    private static String literal(String text) {
        if (text.contains("++")) {
            throw new IllegalArgumentException("cannot pass through: " + text);
        }
        return "++" + text + "++";
    }

    /** Writes every file under {@code dir} (the repository, or a build folder). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        for (Map.Entry<String, String> e : all().entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + all().size() + " files under " + dir.toAbsolutePath().normalize());
    }
}
