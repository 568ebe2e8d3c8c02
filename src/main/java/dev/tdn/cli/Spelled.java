package dev.tdn.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A fixed choice typed as records and documents spell it ({@code not-done}, {@code adverse-events})
 * and held as its enum. One subclass per enum serves picocli twice: as the option's converter and
 * as its completion candidates, so the list the shell offers is the list the command accepts.
 * picocli's own enum conversion would also take and offer the Java names ({@code NOT_DONE}).
 */
abstract class Spelled<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {

    private final List<E> values;
    private final Function<E, String> text;

    Spelled(Class<E> type, Function<E, String> text) {
        this.values = Arrays.asList(type.getEnumConstants());
        this.text = text;
    }

    @Override
    public E convert(String value) {
        for (E e : values) {
            if (text.apply(e).equals(value)) {
                return e;
            }
        }
        throw new TypeConversionException("expected " + String.join(", ", this));
    }

    @Override
    public Iterator<String> iterator() {
        return values.stream().map(text).iterator();
    }

    /** Session statuses, as records spell them. */
    static final class Statuses extends Spelled<dev.tdn.record.Status> {
        Statuses() {
            super(dev.tdn.record.Status.class, dev.tdn.record.Status::json);
        }
    }

    /** What {@code tdn export} writes. */
    static final class Formats extends Spelled<dev.tdn.export.ExportFormat> {
        Formats() {
            super(dev.tdn.export.ExportFormat.class, dev.tdn.export.ExportFormat::text);
        }
    }

    /** What {@code tdn report} answers. */
    static final class Reports extends Spelled<dev.tdn.report.ReportKind> {
        Reports() {
            super(dev.tdn.report.ReportKind.class, dev.tdn.report.ReportKind::text);
        }
    }
}
