package dev.tdn.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import dev.tdn.protocol.ProtocolCatalog;

/**
 * Completion scripts for bash, zsh and fish, all written here from the one picocli command model
 * ({@link CommandSpec}), so a new command or option completes in every shell without anyone
 * writing a list by hand. What a value completes to is read from the model ({@link #completes}):
 * fixed choices, files, folders, or protocol names, which the scripts ask of {@code tdn protocol
 * list --names} as they complete, since only tdn knows the clinic's protocols folder.
 *
 * <p>Bash's script is not picocli's {@code AutoComplete} one: that cannot complete a word that
 * bash splits at ':' (a muscle and its side), nor ask tdn for anything.
 */
public final class ShellScripts {

    public enum Shell { bash, zsh, fish }

    private ShellScripts() {
    }

    public static String script(Shell shell, CommandLine root) {
        return switch (shell) {
            case bash -> bash(root.getCommandSpec());
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

    // --- bash

    /**
     * The parts that are the same for every command. Bash hands a completion function the line cut
     * at its COMP_WORDBREAKS, which include ':' and '=': "upper\ trapezius:l" arrives as three words
     * and only the "l" is replaced, so the words are put back together first and only the part after
     * the last ':' is offered. Nothing here changes COMP_WORDBREAKS, which other commands rely on.
     */
    private static final String BASH_HELPERS = """
            # The words up to the cursor as tdn will receive them (words, cword, cur): bash splits
            # "upper\\ trapezius:left" at the ':' into three, which are joined again here.
            _tdn_words() {
              local line=${COMP_LINE:0:COMP_POINT} at=0 i n w gap
              words=()
              for ((i = 0; i <= COMP_CWORD; i++)); do
                w=${COMP_WORDS[i]}
                gap=${line:at}
                [[ -n $w ]] && gap=${gap%%"$w"*}
                at=$((at + ${#gap} + ${#w}))
                n=${#words[@]}
                if ((n > 0)) && [[ -z $gap && ( $w == :* || ${words[n-1]} == *: ) ]]; then
                  words[n-1]+=$w
                else
                  words[n]=$w
                fi
              done
              cword=$((${#words[@]} - 1))
              cur=${words[cword]}
            }

            # The word under the cursor without its shell quoting (value): what tdn will receive.
            _tdn_value() {
              case $cur in
                \\"*) value=${cur#\\"} ;;
                \\'*) value=${cur#\\'} ;;
                *) value=${cur//\\\\\\\\/$'\\1'}; value=${value//\\\\/}; value=${value//$'\\1'/\\\\} ;;
              esac
            }

            # Offers those of its arguments that start with the word under the cursor, quoted for the
            # command line; after a ':' only what follows it, as bash replaces only that part.
            _tdn_reply() {
              local value word prefix=
              _tdn_value
              case $cur in
                [\\"\\']*) ;;
                *:*) prefix=${cur%"${cur##*:}"} ;;
              esac
              for word in "$@"; do
                [[ $word == "$value"* ]] || continue
                case $cur in
                  [\\"\\']*) COMPREPLY+=("$word") ;;
                  *) printf -v word %q "$word"; COMPREPLY+=("${word#"$prefix"}") ;;
                esac
              done
            }

            # Offers file names; with -d only folders; with a suffix (.json) such files and folders.
            _tdn_files() {
              local value file
              _tdn_value
              type compopt &>/dev/null && compopt -o filenames
              while IFS= read -r file; do
                COMPREPLY+=("$file")
              done < <(case $1 in
                  -d) compgen -d -- "$value" ;;
                  '') compgen -f -- "$value" ;;
                  *) compgen -d -- "$value"; compgen -f -X "!*$1" -- "$value" ;;
                esac)
            }

            # A protocol: the names tdn knows, built in and the clinic's own, asked of the tdn being
            # completed (only it knows where the clinic's are); or, for a word with a / in it or one that
            # no name starts with, a protocol file.
            _tdn_protocols() {
              local tdn=${words[0]} n=${#COMPREPLY[@]} name
              local -a names=()
              [[ $tdn == \\~/* ]] && tdn=$HOME/${tdn#\\~/}
              if [[ $cur != */* ]]; then
                while IFS= read -r name; do
                  names+=("$name")
                done < <("$tdn" protocol list --names 2>/dev/null </dev/null)
                ((${#names[@]})) || names=(@BUILT_IN@)
                _tdn_reply "${names[@]}"
              fi
              ((${#COMPREPLY[@]} > n)) || _tdn_files .json
            }

            # Walks the words before the cursor through the commands, then asks the command reached what
            # may come next: an option's value, an option, a subcommand or a positional argument.
            _tdn() {
              local words cword cur command=_tdn_cmd next pos=0 i w dashes=
              COMPREPLY=()
              _tdn_words
              for ((i = 1; i < cword; i++)); do
                w=${words[i]}
                if [[ -n $dashes ]]; then
                  ((pos += 1))
                elif [[ $w == -- ]]; then
                  dashes=1
                elif [[ $w == -* ]]; then
                  if $command takes-value "$w"; then
                    [[ ${words[i+1]} == = ]] && ((i += 1))
                    if ((i + 1 >= cword)); then
                      [[ $cur == = ]] && cur=
                      $command value "$w"
                      return 0
                    fi
                    ((i += 1))
                  fi
                elif ((pos == 0)) && $command subcommand "$w"; then
                  command=$next
                else
                  ((pos += 1))
                fi
              done
              if [[ -z $dashes && $cur == -* ]]; then
                $command options
              else
                ((pos == 0)) && $command subcommands
                $command positional "$pos"
              fi
              return 0
            }
            """;

    private static String bash(CommandSpec root) {
        StringBuilder sb = new StringBuilder("# Completion for " + root.name() + " in bash; generated from the command"
                + " model (tdn completion bash).\n# Source it from ~/.bashrc, or put it in"
                + " ~/.local/share/bash-completion/completions/tdn.\n\n");
        sb.append(BASH_HELPERS.replace("@BUILT_IN@", bashWords(ProtocolCatalog.BUILT_IN)));
        bashFunction(root, "_tdn_cmd", sb);
        sb.append("complete -F _tdn ").append(root.name()).append("\n");
        return sb.toString();
    }

    /** One function per command, asked by {@code _tdn} about that command's options, subcommands and arguments. */
    private static void bashFunction(CommandSpec spec, String function, StringBuilder sb) {
        List<CommandSpec> subs = subcommands(spec);
        sb.append("\n# ").append(spec.qualifiedName()).append("\n").append(function).append("() {\n  case $1 in\n");
        List<String> names = new ArrayList<>();
        visibleOptions(spec).forEach(o -> names.addAll(List.of(o.names())));
        sb.append("    options) _tdn_reply ").append(String.join(" ", names)).append(" ;;\n");
        // hidden options too, so that their values are not taken for arguments; an optional value
        // (--resume [ID]) is left to be typed
        List<String> takeValues = new ArrayList<>();
        spec.options().stream().filter(o -> o.arity().min() > 0).forEach(o -> takeValues.addAll(List.of(o.names())));
        sb.append("    takes-value) ");
        if (!takeValues.isEmpty()) {
            sb.append("case $2 in ").append(String.join("|", takeValues)).append(") return 0 ;; esac; ");
        }
        sb.append("return 1 ;;\n");
        StringBuilder values = new StringBuilder();
        for (OptionSpec o : visibleOptions(spec)) {
            String action = bashAction(completes(o));
            if (o.arity().max() > 0 && !action.isEmpty()) {
                values.append("        ").append(String.join("|", o.names())).append(") ").append(action).append(" ;;\n");
            }
        }
        sb.append(values.isEmpty() ? "    value) ;;\n" : "    value)\n      case $2 in\n" + values + "      esac ;;\n");
        if (subs.isEmpty()) {
            sb.append("    subcommand) return 1 ;;\n    subcommands) ;;\n");
        } else {
            sb.append("    subcommand)\n      case $2 in\n");
            for (CommandSpec sub : subs) {
                sb.append("        ").append(sub.name()).append(") next=").append(function).append("_")
                        .append(bashName(sub.name())).append(" ;;\n");
            }
            sb.append("        *) return 1 ;;\n      esac ;;\n");
            sb.append("    subcommands) _tdn_reply ").append(subs.stream().map(CommandSpec::name)
                    .collect(Collectors.joining(" "))).append(" ;;\n");
        }
        sb.append("    positional)");
        String positional = "";
        for (PositionalParamSpec p : spec.positionalParameters()) {
            String action = bashAction(completes(p));
            if (!p.hidden() && !action.isEmpty()) {
                String range = "$2 >= " + p.index().min()
                        + (p.index().max() == Integer.MAX_VALUE ? "" : " && $2 <= " + p.index().max());
                positional += "\n      if ((" + range + ")); then " + action + "; fi";
            }
        }
        sb.append(positional.isEmpty() ? " ;;\n" : positional + "\n      ;;\n");
        sb.append("  esac\n}\n");
        for (CommandSpec sub : subs) {
            bashFunction(sub, function + "_" + bashName(sub.name()), sb);
        }
    }

    private static String bashAction(Completes c) {
        return switch (c.kind()) {
            case CHOICES -> "_tdn_reply " + bashWords(c.choices());
            case FILE -> "_tdn_files";
            case DIRECTORY -> "_tdn_files -d";
            case PROTOCOL -> "_tdn_protocols";
            case NOTHING -> "";
        };
    }

    /** Quoted words, a few to a line, so that a long list (the muscles) stays readable. */
    private static String bashWords(List<String> words) {
        StringBuilder sb = new StringBuilder();
        int line = 0;
        for (String w : words) {
            String q = bashQuote(w);
            if (line > 0 && line + q.length() > 90) {
                sb.append(" \\\n          ");
                line = 0;
            } else if (line > 0) {
                sb.append(' ');
            }
            sb.append(q);
            line += q.length() + 1;
        }
        return sb.toString();
    }

    private static String bashQuote(String s) {
        return s.matches("[A-Za-z0-9_./:=+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static String bashName(String s) {
        return s.replaceAll("[^A-Za-z0-9_]", "_");
    }

    // --- zsh

    /** A protocol, as in bash: the names asked of the tdn being completed, else a protocol file. */
    private static final String ZSH_HELPERS = """
            # A protocol: the names tdn knows, built in and the clinic's own, asked of the tdn being
            # completed (only it knows where the clinic's are); or, for a word with a / in it or one that
            # no name starts with, a protocol file.
            __tdn_protocols() {
              local -a names expl
              if [[ $PREFIX != */* ]]; then
                names=(${(f)"$(_call_program protocol-names $__tdn_command protocol list --names 2>/dev/null </dev/null)"})
                (( $#names )) || names=(@BUILT_IN@)
                _wanted protocol-names expl 'protocol' compadd -a names && return 0
              fi
              _files -g '*.json(-.)'
            }

            """;

    private static String zsh(CommandSpec root) {
        StringBuilder sb = new StringBuilder("#compdef " + root.name() + "\n");
        sb.append("# Completion for ").append(root.name()).append(" in zsh; generated from the command model"
                + " (tdn completion zsh). Put it on $fpath as _tdn.\n\n");
        sb.append(ZSH_HELPERS.replace("@BUILT_IN@", String.join(" ", ProtocolCatalog.BUILT_IN)));
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
        if (spec.parent() == null) {
            // the subcommands' functions see the words from their own name on; protocol names are
            // asked of the command as typed
            sb.append("  local __tdn_command=$words[1]\n");
        }
        List<String> args = new ArrayList<>();
        for (OptionSpec o : visibleOptions(spec)) {
            String exclusive = o.names().length > 1 ? "(" + String.join(" ", o.names()) + ")" : "";
            String repeat = o.isMultiValue() ? "*" : "";
            for (String name : o.names()) {
                String spec1 = (o.isMultiValue() ? repeat : exclusive) + name + "[" + zshDescription(description(o)) + "]";
                if (o.arity().max() > 0) {
                    spec1 += ":" + zshMessage(o.paramLabel()) + ":" + zshAction(completes(o));
                }
                args.add(spec1);
            }
        }
        if (subs.isEmpty()) {
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden()) {
                    args.add((p.isMultiValue() ? "*" : "") + ":" + zshMessage(p.paramLabel()) + ":"
                            + zshAction(completes(p)));
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

    private static String zshAction(Completes c) {
        return switch (c.kind()) {
            case CHOICES -> "(" + c.choices().stream().map(w -> w.replace("\\", "\\\\").replace(" ", "\\ ")
                    .replace(":", "\\:").replace("(", "\\(").replace(")", "\\)")).collect(Collectors.joining(" ")) + ")";
            case FILE -> "_files";
            case DIRECTORY -> "_path_files -/"; // _files -/ offers all files when no folder matches
            case PROTOCOL -> "__tdn_protocols";
            case NOTHING -> " ";
        };
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

    /**
     * Where the command line is (tdn, tdn/protocol, tdn/protocol/show), so that {@code tdn show} and
     * {@code tdn protocol show} each get their own completions; and protocols, as in bash.
     */
    private static final String FISH_HELPERS = """
            # True when the words before the cursor lead to the command $argv[1] (tdn/protocol/show) and no deeper.
            function __tdn_at
                set -l at tdn
                for word in (commandline -opc)[2..-1]
                    if contains -- $at/$word @COMMANDS@
                        set at $at/$word
                    end
                end
                test $at = $argv[1]
            end

            # A protocol: the names tdn knows, built in and the clinic's own, asked of the tdn being
            # completed (only it knows where the clinic's are); or, for a word with a / in it or one that
            # no name starts with, a protocol file.
            function __tdn_protocols
                set -l token (commandline -ct)
                if not string match -q -- '*/*' $token
                    set -l tdn (commandline -opc)[1]
                    set -l names
                    if command -q -- $tdn
                        set names (command $tdn protocol list --names 2>/dev/null </dev/null)
                    end
                    set -q names[1]; or set names @BUILT_IN@
                    if string match -q -- "$token*" $names
                        printf '%s\\n' $names
                        return
                    end
                end
                __fish_complete_suffix .json
            end

            """;

    private static String fish(CommandSpec root) {
        String name = root.name();
        StringBuilder sb = new StringBuilder("# Completion for " + name + " in fish; generated from the command"
                + " model (tdn completion fish). Put it in ~/.config/fish/completions/tdn.fish.\n\n");
        List<String> paths = new ArrayList<>();
        commandPaths(root, name, paths);
        sb.append(FISH_HELPERS.replace("@COMMANDS@", String.join(" ", paths.subList(1, paths.size())))
                .replace("@BUILT_IN@", String.join(" ", ProtocolCatalog.BUILT_IN)));
        sb.append("complete -c ").append(name).append(" -f\n");
        fishCommand(root, name, sb);
        return sb.toString();
    }

    private static void commandPaths(CommandSpec spec, String path, List<String> out) {
        out.add(path);
        subcommands(spec).forEach(sub -> commandPaths(sub, path + "/" + sub.name(), out));
    }

    private static void fishCommand(CommandSpec spec, String path, StringBuilder sb) {
        String name = spec.root().name();
        String here = "__tdn_at " + path;
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
                sb.append(fishAction(completes(o), true));
            }
            sb.append(" -d ").append(fishQuote(description(o))).append("\n");
        }
        if (subcommands(spec).isEmpty()) {
            for (PositionalParamSpec p : spec.positionalParameters()) {
                String action = fishAction(completes(p), false);
                if (!p.hidden() && !action.isEmpty()) {
                    sb.append("complete -c ").append(name).append(" -n ").append(fishQuote(here)).append(action)
                            .append("\n");
                }
            }
        }
        for (CommandSpec sub : subcommands(spec)) {
            fishCommand(sub, path + "/" + sub.name(), sb);
        }
    }

    /**
     * -x: the value is one of the candidates or typed, never a file name; -r -F: a file. An
     * argument that completes to nothing needs no line, but an option's value still needs its -x.
     */
    private static String fishAction(Completes c, boolean option) {
        return switch (c.kind()) {
            case CHOICES -> " -x -a " + fishQuote(c.choices().stream().map(ShellScripts::fishQuote)
                    .collect(Collectors.joining(" ")));
            case FILE -> option ? " -r -F" : " -F";
            case DIRECTORY -> " -x -a '(__fish_complete_directories)'";
            case PROTOCOL -> " -x -a '(__tdn_protocols)'";
            case NOTHING -> option ? " -x" : "";
        };
    }

    private static String fishQuote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    // --- the model

    /** What an option's value or a positional argument completes to. */
    enum Kind { NOTHING, CHOICES, FILE, DIRECTORY, PROTOCOL }

    record Completes(Kind kind, List<String> choices) {
    }

    /**
     * Read from the model: picocli's completion candidates (the protocol ones mean a protocol, which
     * the scripts ask tdn for), a {@code Path} or {@code File} type, or a FILE or DIR label, which
     * arguments that also take {@code -} for standard input keep as strings.
     */
    static Completes completes(ArgSpec a) {
        if (a.completionCandidates() instanceof ProtocolCatalog.Names) {
            return new Completes(Kind.PROTOCOL, ProtocolCatalog.BUILT_IN);
        }
        List<String> candidates = candidates(a);
        if (!candidates.isEmpty()) {
            return new Completes(Kind.CHOICES, candidates);
        }
        if (a.paramLabel().equals("DIR")) {
            return new Completes(Kind.DIRECTORY, List.of());
        }
        boolean path = Path.class.isAssignableFrom(a.type()) || File.class.isAssignableFrom(a.type());
        return new Completes(path || a.paramLabel().equals("FILE") ? Kind.FILE : Kind.NOTHING, List.of());
    }

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
