package dev.tdn.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import dev.tdn.record.RecordJson;
import dev.tdn.record.SessionRecord;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * Records as tdn itself writes them, one per line. The line is the form the store's content
 * hash is taken of, so re-importing an export finds every record "already present".
 */
final class NdjsonExport implements Export.OfLines {

    private static final ObjectWriter COMPACT = RecordJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final Writer out;

    NdjsonExport(Writer out) {
        this.out = out;
    }

    @Override
    public void add(SessionRecord record) throws IOException {
        try {
            out.write(COMPACT.writeValueAsString(record));
        } catch (JacksonIOException e) {
            throw e.getCause();
        }
        out.write('\n');
    }

    @Override
    public void addLine(byte[] line) throws IOException {
        out.write(new String(line, StandardCharsets.UTF_8));
        out.write('\n');
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
