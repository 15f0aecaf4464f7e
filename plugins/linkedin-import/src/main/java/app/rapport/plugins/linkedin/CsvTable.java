package app.rapport.plugins.linkedin;

import app.rapport.plugin.Refused;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A CSV file of an export, read as RFC 4180 and streamed row by row. Its header is found by content (exports put
 * notes above it), and columns are read by name, so their order and extra columns do not matter. A byte order mark,
 * CRLF line ends and quoted commas and line breaks are all taken as they come.
 */
final class CsvTable {

    /** How far down the header may be. */
    private static final int HEADER_WITHIN = 20;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /**
     * One row.
     *
     * @param line 1-based line of the file where the row starts
     */
    record Row(int line, CSVRecord record, Map<String, Integer> columns) {

        /** The value of the column, trimmed; null when blank or absent. */
        String get(String column) {
            Integer at = columns.get(column);
            if (at == null || at >= record.size()) {
                return null;
            }
            String value = record.get(at).strip();
            return value.isEmpty() ? null : value;
        }

        boolean isBlank() {
            for (String value : record) {
                if (!value.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    private CsvTable() {
    }

    /**
     * Streams the rows below the header to {@code action}.
     *
     * @param required the column names (lower case) that identify the header row
     * @throws Refused when no row of the first {@value #HEADER_WITHIN} names all of {@code required}
     */
    static int read(Path file, String what, Set<String> required, Consumer<Row> action) throws IOException {
        try (Reader reader = withoutByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8));
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> columns = null;
            int rows = 0;
            long linesBefore = 0;
            while (records.hasNext()) {
                CSVRecord record = nextOrRefuse(records, what, linesBefore + 1);
                int line = (int) linesBefore + 1;
                linesBefore = parser.getCurrentLineNumber();
                if (columns == null) {
                    columns = header(record, required);
                    if (columns == null && record.getRecordNumber() >= HEADER_WITHIN) {
                        break;
                    }
                    continue;
                }
                Row row = new Row(line, record, columns);
                if (!row.isBlank()) {
                    rows++;
                    action.accept(row);
                }
            }
            if (columns == null) {
                throw new Refused("file", "this is not a LinkedIn " + what + ": none of its first " + HEADER_WITHIN
                                          + " lines is a header naming " + String.join(", ", required.stream().sorted().toList()));
            }
            return rows;
        }
    }

    private static CSVRecord nextOrRefuse(Iterator<CSVRecord> records, String what, long line) {
        try {
            return records.next();
        } catch (RuntimeException broken) {
            // Commons CSV reports an unclosed quote as an UncheckedIOException; the rest of the file is unreadable.
            throw new Refused("file", "the " + what + " cannot be read as CSV from line " + line + " on: " + broken.getMessage());
        }
    }

    private static Map<String, Integer> header(CSVRecord record, Set<String> required) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            columns.putIfAbsent(record.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        return columns.keySet().containsAll(required) ? columns : null;
    }

    private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
