package dev.tdn.record;

import java.util.List;

import dev.tdn.json.Document;
import dev.tdn.json.Problem;

/** A document after validation: the record when it is valid, else the problems found. */
public record CheckedRecord(Document document, SessionRecord record, List<Problem> problems) {

    public CheckedRecord {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
