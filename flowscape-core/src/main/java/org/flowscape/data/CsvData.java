package org.flowscape.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.flowscape.internal.MemoryBudget;
import org.flowscape.linalg.Matrix;

/**
 * {@code csv:PATH[,targets=K]}: a comma-separated file (UTF-8) with one header row (its cells are names and are
 * not read, but their count fixes the number of columns) and then one sample per row; the last K columns (default
 * 1) are the targets and the others the inputs. Blank lines are skipped; cells are trimmed. Quoting is not
 * supported. Rejected, with one line naming the file, line and column: ragged rows, empty or non-numeric cells,
 * NaN or infinite values, a file with no header or no data rows, and K not below the column count.
 */
public final class CsvData {
    /** The longest line read (characters): a row of about a million numbers. */
    static final int MAX_LINE = 1 << 24;

    private CsvData() {
    }

    /**
     * The next line without its terminator, or null at the end; read a character at a time from a buffered reader
     * so that a file with no line breaks ({@code /dev/zero}) cannot fill memory: a line longer than
     * {@link #MAX_LINE} characters, or one holding a NUL character (a binary file), is refused.
     */
    private static String line(BufferedReader in, String where) throws IOException {
        StringBuilder b = new StringBuilder();
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (c == 0) {
                throw new IllegalArgumentException(where + " holds a NUL character, so it is not a text file; "
                        + "give a comma-separated UTF-8 text file (or npz:/npy: for binary arrays)");
            }
            if (b.length() >= MAX_LINE) {
                throw new IllegalArgumentException(where + " has a line longer than " + MAX_LINE + " characters; "
                        + "give one sample per line");
            }
            if (c != '\r') {
                b.append((char) c);
            }
            c = in.read();
        }
        return b.toString();
    }

    /** Reads the file; {@code spec} is recorded with the dataset. */
    public static Dataset read(String spec, Path path, int targets) {
        String where = path.toString();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = line(in, where);
            int lineNo = 1;
            while (header != null && header.isBlank()) {
                header = line(in, where);
                lineNo++;
            }
            if (header == null) {
                throw new IllegalArgumentException(where + " is empty; a CSV needs a header row and one row per "
                        + "sample");
            }
            int cols = header.split(",", -1).length;
            if (targets >= cols) {
                throw new IllegalArgumentException(where + " has " + cols + " columns but targets=" + targets
                        + " leaves no input column; lower targets or add columns");
            }
            double[] data = new double[16 * cols];
            int rows = 0;
            String line;
            while ((line = line(in, where)) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != cols) {
                    throw new IllegalArgumentException(where + ", line " + lineNo + ": " + cells.length
                            + " cells but the header has " + cols + "; every row needs the same number of cells");
                }
                if ((long) (rows + 1) * cols > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException(where + " has too many cells for one array; split the file");
                }
                if ((rows + 1) * cols > data.length) {
                    MemoryBudget.requireDoubles(3.0 * data.length, where + " (" + rows + " rows read so far)",
                            "use a smaller file");
                    data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, 2L * data.length));
                }
                for (int j = 0; j < cols; j++) {
                    data[rows * cols + j] = cell(cells[j], where, lineNo, j + 1);
                }
                rows++;
            }
            if (rows == 0) {
                throw new IllegalArgumentException(where + " has a header but no data rows; add one row per sample");
            }
            return split(spec, Arrays.copyOf(data, rows * cols), rows, cols, targets);
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new IllegalArgumentException("cannot open CSV file " + where + " (" + e.getClass().getSimpleName()
                    + "); check the path");
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
            throw new IllegalArgumentException("cannot read CSV file " + where + " (" + m + "); check that it is a "
                    + "readable UTF-8 text file");
        }
    }

    private static double cell(String text, String where, int line, int column) {
        String t = text.trim();
        double v;
        try {
            if (t.isEmpty()) {
                throw new NumberFormatException();
            }
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ", line " + line + ", column " + column + ": '" + text
                    + "' is not a number; every cell after the header must be numeric");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(where + ", line " + line + ", column " + column + ": " + t
                    + " is not finite; remove or impute NaN and infinite values");
        }
        return v;
    }

    private static Dataset split(String spec, double[] data, int rows, int cols, int targets) {
        int d = cols - targets;
        double[] x = new double[rows * d];
        double[] y = new double[rows * targets];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * cols, x, i * d, d);
            System.arraycopy(data, i * cols + d, y, i * targets, targets);
        }
        return new Dataset(spec, new Matrix(rows, d, x), new Matrix(rows, targets, y));
    }
}
