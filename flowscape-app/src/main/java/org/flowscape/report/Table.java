package org.flowscape.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table for a report page: a caption, a header row and rows of {@link Cell}s.
 *
 * @param caption shown above the table (may be empty)
 * @param header column titles
 * @param rows the rows; each as long as the header
 */
public record Table(String caption, List<String> header, List<List<Cell>> rows) {
    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Cell> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("table '" + caption + "': a row has " + r.size()
                        + " cells for " + header.size() + " columns; give one cell per column");
            }
        }
    }

    /** A builder that collects rows. */
    public static Builder builder(String caption, String... header) {
        return new Builder(caption, List.of(header));
    }

    /** Collects rows for a {@link Table}. */
    public static final class Builder {
        private final String caption;
        private final List<String> header;
        private final List<List<Cell>> rows = new ArrayList<>();

        private Builder(String caption, List<String> header) {
            this.caption = caption;
            this.header = header;
        }

        /** Adds a row. */
        public Builder row(Cell... cells) {
            rows.add(List.of(cells));
            return this;
        }

        /** Adds a row. */
        public Builder row(List<Cell> cells) {
            rows.add(cells);
            return this;
        }

        /** The rows added so far. */
        public int size() {
            return rows.size();
        }

        public Table build() {
            return new Table(caption, header, rows);
        }
    }
}
