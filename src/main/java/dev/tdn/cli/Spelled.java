package dev.tdn.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import dev.tdn.export.ExportFormat;
import dev.tdn.record.Status;
import dev.tdn.report.ReportKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A fixed choice typed as records and documents spell it ({@code not-done}, {@code adverse-events})
 * and held as its enum. One subclass per enum serves picocli twice: as the option's converter and
 * as its completion candidates, so the list the shell offers is the list the command accepts.
 * picocli's own enum conversion would also take and offer the Java names ({@code NOT_DONE}).
 * (No lambdas here: picocli makes these while it reads the options, on every start.)
 */
abstract class Spelled<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {

    private final E[] values;

    Spelled(Class<E> type) {
        this.values = type.getEnumConstants();
    }

    /** How the command line spells {@code value}. */
    abstract String text(E value);

    @Override
    public E convert(String typed) {
        for (E e : values) {
            if (text(e).equals(typed)) {
                return e;
            }
        }
        throw new TypeConversionException("expected " + String.join(", ", this));
    }

    @Override
    public Iterator<String> iterator() {
        List<String> texts = new ArrayList<>(values.length);
        for (E e : values) {
            texts.add(text(e));
        }
        return texts.iterator();
    }

    /** Session statuses, as records spell them. */
    static final class Statuses extends Spelled<Status> {
        Statuses() {
            super(Status.class);
        }

        @Override
        String text(Status value) {
            return value.json();
        }
    }

    /** What {@code tdn export} writes. */
    static final class Formats extends Spelled<ExportFormat> {
        Formats() {
            super(ExportFormat.class);
        }

        @Override
        String text(ExportFormat value) {
            return value.text();
        }
    }

    /** The FHIR Bundle types {@code tdn export} writes. */
    static final class Bundles extends Spelled<dev.tdn.export.BundleType> {
        Bundles() {
            super(dev.tdn.export.BundleType.class);
        }

        @Override
        String text(dev.tdn.export.BundleType value) {
            return value.text();
        }
    }

    /** How {@code tdn note} lays a note out. */
    static final class NoteFormats extends Spelled<dev.tdn.note.NoteFormat> {
        NoteFormats() {
            super(dev.tdn.note.NoteFormat.class);
        }

        @Override
        String text(dev.tdn.note.NoteFormat value) {
            return value.text();
        }
    }

    /** What {@code tdn report} answers. */
    static final class Reports extends Spelled<ReportKind> {
        Reports() {
            super(ReportKind.class);
        }

        @Override
        String text(ReportKind value) {
            return value.text();
        }
    }
}
