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
import dev.tdn.cli.ShellScripts;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The files made from the command model and committed: completion scripts ({@code completions/})
 * and man pages ({@code man/}). One generator serves the build (which writes them for the
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
        return files;
    }

    private static void manPages(CommandLine command, String name, Asciidoctor asciidoctor, Map<String, String> out)
            throws IOException {
        StringWriter adoc = new StringWriter();
        ManPageGenerator.writeSingleManPage(new java.io.PrintWriter(adoc), command.getCommandSpec());
        String roff = asciidoctor.convert(adoc.toString(), Options.builder().backend("manpage").standalone(true)
                .safe(SafeMode.SAFE).attributes(org.asciidoctor.Attributes.builder()
                        .attribute("mansource", "tdn " + dev.tdn.cli.VersionProvider.version())
                        .attribute("manmanual", "tdn manual")
                        // a fixed date keeps the pages reproducible: regenerating changes only what changed
                        .attribute("docdate", "2026-11-26").attribute("reproducible", "").build()).build());
        out.put("man/" + name + ".1", roff);
        for (var sub : command.getSubcommands().entrySet()) {
            // `tdn help CMD` shows the page of CMD: it needs none of its own
            if (sub.getKey().equals(sub.getValue().getCommandName()) && !sub.getValue().getCommandSpec().usageMessage().hidden()
                    && !(sub.getValue().getCommand() instanceof CommandLine.HelpCommand)) {
                manPages(sub.getValue(), name + "-" + sub.getKey(), asciidoctor, out);
            }
        }
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
