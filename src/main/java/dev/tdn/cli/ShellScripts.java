package dev.tdn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Completion scripts for bash, zsh and fish, all made from the one picocli command model, so a
 * new command or option completes in every shell without anyone writing a list by hand. Bash
 * comes from picocli's {@link AutoComplete}; zsh and fish are written here from the same
 * {@link CommandSpec}.
 */
public final class ShellScripts {

    public enum Shell { bash, zsh, fish }

    private ShellScripts() {
    }

    public static String script(Shell shell, CommandLine root) {
        return switch (shell) {
            case bash -> AutoComplete.bash(root.getCommandName(), root);
            case zsh -> zsh(root.getCommandSpec());
            case fish -> fish(root.getCommandSpec());
        };
    }

    /** Where each shell expects the file, under {@code completions/}. */
    public static String fileName(Shell shell) {
        return switch (shell) {
            case bash -> "tdn.bash";
            case zsh -> "_tdn";
            case fish -> "tdn.fish";
        };
    }

    // --- zsh

    private static String zsh(CommandSpec root) {
        StringBuilder sb = new StringBuilder("#compdef " + root.name() + "\n");
        sb.append("# Completion for ").append(root.name()).append(" in zsh; generated from the command model"
                + " (tdn completion zsh). Put it on $fpath as _tdn.\n\n");
        zshFunction(root, "_" + root.name(), sb);
        sb.append("_").append(root.name()).append(" \"$@\"\n");
        return sb.toString();
    }

    private static void zshFunction(CommandSpec spec, String function, StringBuilder sb) {
        List<CommandSpec> subs = subcommands(spec);
        for (CommandSpec sub : subs) {
            zshFunction(sub, function + "_" + sub.name(), sb);
        }
        sb.append(function).append("() {\n");
        List<String> args = new ArrayList<>();
        for (OptionSpec o : visibleOptions(spec)) {
            String exclusive = o.names().length > 1 ? "(" + String.join(" ", o.names()) + ")" : "";
            String repeat = o.isMultiValue() ? "*" : "";
            for (String name : o.names()) {
                String spec1 = (o.isMultiValue() ? repeat : exclusive) + name + "[" + zshDescription(description(o)) + "]";
                if (o.arity().max() > 0) {
                    spec1 += ":" + zshMessage(o.paramLabel()) + ":" + zshAction(o);
                }
                args.add(spec1);
            }
        }
        if (subs.isEmpty()) {
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden()) {
                    args.add((p.isMultiValue() ? "*" : "") + ":" + zshMessage(p.paramLabel()) + ":" + zshAction(p));
                }
            }
            sb.append("  _arguments -s \\\n");
            args.forEach(a -> sb.append("    ").append(zshQuote(a)).append(" \\\n"));
            sb.append("    && return 0\n");
        } else {
            sb.append("  local curcontext=\"$curcontext\" state line\n");
            sb.append("  local -a subcommands\n  subcommands=(\n");
            for (CommandSpec sub : subs) {
                sb.append("    ").append(zshQuote(sub.name() + ":" + firstLine(sub).replace(":", "-"))).append("\n");
            }
            sb.append("  )\n  _arguments -C -s \\\n");
            args.forEach(a -> sb.append("    ").append(zshQuote(a)).append(" \\\n"));
            sb.append("    '1: :->subcommand' \\\n    '*:: :->argument' && return 0\n");
            sb.append("  case $state in\n");
            sb.append("    subcommand) _describe 'command' subcommands ;;\n");
            sb.append("    argument)\n      case $line[1] in\n");
            for (CommandSpec sub : subs) {
                sb.append("        ").append(sub.name()).append(") ").append(function).append("_").append(sub.name())
                        .append(" ;;\n");
            }
            sb.append("      esac ;;\n  esac\n");
        }
        sb.append("}\n\n");
    }

    private static String zshAction(ArgSpec a) {
        List<String> candidates = candidates(a);
        if (!candidates.isEmpty()) {
            return "(" + candidates.stream().map(c -> c.replace("\\", "\\\\").replace(" ", "\\ ").replace(":", "\\:")
                    .replace("(", "\\(").replace(")", "\\)")).collect(Collectors.joining(" ")) + ")";
        }
        return isPath(a) ? "_files" : " ";
    }

    /** Inside an option's [description] only the closing bracket ends it. */
    private static String zshDescription(String s) {
        return s.replace("[", "(").replace("]", ")").replace("\n", " ");
    }

    /** The message after the first ':' of an _arguments spec ends at the next ':'. */
    private static String zshMessage(String s) {
        return s.replace(":", "/").replace("[", "").replace("]", "");
    }

    private static String zshQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    // --- fish

    private static String fish(CommandSpec root) {
        String name = root.name();
        StringBuilder sb = new StringBuilder("# Completion for " + name + " in fish; generated from the command"
                + " model (tdn completion fish). Put it in ~/.config/fish/completions/tdn.fish.\n\n");
        sb.append("complete -c ").append(name).append(" -f\n");
        fishCommand(root, List.of(), sb);
        return sb.toString();
    }

    private static void fishCommand(CommandSpec spec, List<String> path, StringBuilder sb) {
        String name = spec.root().name();
        String here = fishCondition(spec, path);
        for (CommandSpec sub : subcommands(spec)) {
            sb.append("complete -c ").append(name).append(" -n ").append(fishQuote(here)).append(" -a ")
                    .append(fishQuote(sub.name())).append(" -d ").append(fishQuote(firstLine(sub))).append("\n");
        }
        for (OptionSpec o : visibleOptions(spec)) {
            sb.append("complete -c ").append(name).append(" -n ").append(fishQuote(here));
            for (String n : o.names()) {
                sb.append(n.startsWith("--") ? " -l " + n.substring(2) : " -s " + n.substring(1));
            }
            if (o.arity().max() > 0) {
                List<String> candidates = candidates(o);
                // -x: the value is one of the candidates or typed, never a file name; -r -F: a file
                if (!candidates.isEmpty()) {
                    sb.append(" -x -a ").append(fishQuote(candidates.stream().map(ShellScripts::fishQuote)
                            .collect(Collectors.joining(" "))));
                } else if (isPath(o)) {
                    sb.append(" -r -F");
                } else {
                    sb.append(" -x");
                }
            }
            sb.append(" -d ").append(fishQuote(description(o))).append("\n");
        }
        if (subcommands(spec).isEmpty()) {
            for (PositionalParamSpec p : spec.positionalParameters()) {
                List<String> candidates = candidates(p);
                if (!candidates.isEmpty()) {
                    sb.append("complete -c ").append(name).append(" -n ").append(fishQuote(here)).append(" -a ")
                            .append(fishQuote(String.join(" ", candidates))).append("\n");
                } else if (isPath(p) || p.paramLabel().contains("FILE")) {
                    sb.append("complete -c ").append(name).append(" -n ").append(fishQuote(here)).append(" -F\n");
                }
            }
        }
        for (CommandSpec sub : subcommands(spec)) {
            List<String> next = new ArrayList<>(path);
            next.add(sub.name());
            fishCommand(sub, next, sb);
        }
    }

    /** True while the command line is at {@code path} and no deeper. */
    private static String fishCondition(CommandSpec spec, List<String> path) {
        List<String> subs = subcommands(spec).stream().map(CommandSpec::name).toList();
        String deeper = subs.isEmpty() ? "" : "; and not __fish_seen_subcommand_from " + String.join(" ", subs);
        if (path.isEmpty()) {
            return "__fish_use_subcommand";
        }
        return "__fish_seen_subcommand_from " + path.get(path.size() - 1) + deeper;
    }

    private static String fishQuote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    // --- the model

    private static List<CommandSpec> subcommands(CommandSpec spec) {
        List<CommandSpec> out = new ArrayList<>();
        spec.subcommands().forEach((name, cl) -> {
            if (name.equals(cl.getCommandName()) && !cl.getCommandSpec().usageMessage().hidden()) {
                out.add(cl.getCommandSpec());
            }
        });
        return out;
    }

    private static List<OptionSpec> visibleOptions(CommandSpec spec) {
        return spec.options().stream().filter(o -> !o.hidden()).toList();
    }

    private static List<String> candidates(ArgSpec a) {
        List<String> out = new ArrayList<>();
        if (a.completionCandidates() != null) {
            a.completionCandidates().forEach(out::add);
        }
        return out;
    }

    private static boolean isPath(ArgSpec a) {
        return Path.class.isAssignableFrom(a.type()) || java.io.File.class.isAssignableFrom(a.type());
    }

    private static String description(OptionSpec o) {
        String[] d = o.description();
        return d.length == 0 ? "" : d[0].replaceAll("\\s+", " ").replaceAll("\\$\\{[^}]*}", "").strip();
    }

    /** The first sentence of the command's description, as a menu shows it. */
    private static String firstLine(CommandSpec spec) {
        String[] d = spec.usageMessage().description();
        String s = d.length == 0 ? spec.name() : d[0].replaceAll("\\s+", " ").strip();
        int stop = s.indexOf(". ");
        return (stop > 0 ? s.substring(0, stop) : s).replaceAll("\\.$", "");
    }
}
