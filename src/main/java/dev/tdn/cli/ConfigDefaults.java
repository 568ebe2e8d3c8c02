package dev.tdn.cli;

import java.util.Map;
import java.util.function.Function;

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

    /** Option, by its command's qualified name and its longest name, to the setting that defaults it. */
    private static final Map<String, Function<Config, String>> SETTINGS = Map.of(
            "tdn session --clinician", c -> c.clinician() == null ? null : c.clinician().id(),
            "tdn session --protocol", ConfigDefaults::protocol,
            "tdn timer --protocol", ConfigDefaults::protocol,
            "tdn export --patient-system", c -> c.fhir() == null ? null : c.fhir().patientSystem(),
            "tdn export --clinician-system", c -> c.fhir() == null ? null : c.fhir().clinicianSystem());

    private Config config;
    private TdnException failure;

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || arg.command() == null) {
            return null;
        }
        Function<Config, String> setting = SETTINGS.get(arg.command().qualifiedName() + " " + option.longestName());
        if (setting == null) {
            return null;
        }
        load();
        return setting.apply(config != null ? config : Config.EMPTY);
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

    private static String protocol(Config c) {
        return c.protocol() != null ? c.protocol() : dev.tdn.protocol.ProtocolCatalog.DEFAULT;
    }
}
