package dev.tdn.cli;

import java.util.Set;

import dev.tdn.Config;
import dev.tdn.TdnException;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options whose defaults are the clinician's {@code config.json}, as picocli's default-value
 * provider: parsing fills them in, so a command sees one value whichever way it was given, and
 * {@code --help} shows the default in force. The file is read at most once, and only when one of
 * these options is asked for, so commands that have none never read it.
 *
 * <p>A config file that cannot be used gives no defaults here; {@link #config()} then throws, for
 * the commands that need the file itself.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {

    /** The options defaulted here, by their command's qualified name and their longest name. */
    private static final Set<String> DEFAULTED = Set.of("tdn session --clinician", "tdn session --protocol",
            "tdn timer --protocol", "tdn export --patient-system", "tdn export --clinician-system");

    private Config config;
    private TdnException failure;

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || arg.command() == null) {
            return null;
        }
        String key = arg.command().qualifiedName() + " " + option.longestName();
        if (!DEFAULTED.contains(key)) {
            return null;
        }
        load();
        return setting(key, config != null ? config : Config.EMPTY);
    }

    /** A switch, not a map of lambdas: this class loads on every start, and lambdas cost there. */
    private static String setting(String key, Config c) {
        return switch (key) {
            case "tdn session --clinician" -> c.clinician() == null ? null : c.clinician().id();
            case "tdn export --patient-system" -> c.fhir() == null ? null : c.fhir().patientSystem();
            case "tdn export --clinician-system" -> c.fhir() == null ? null : c.fhir().clinicianSystem();
            default -> c.protocol() != null ? c.protocol() : dev.tdn.protocol.ProtocolCatalog.DEFAULT;
        };
    }

    /** The config file, read once; no file is an empty config. */
    Config config() throws TdnException {
        load();
        if (failure != null) {
            throw failure;
        }
        return config;
    }

    private void load() {
        if (config == null && failure == null) {
            try {
                config = Config.load(TdnHome.places().configFile());
            } catch (TdnException e) {
                failure = e;
            }
        }
    }
}
