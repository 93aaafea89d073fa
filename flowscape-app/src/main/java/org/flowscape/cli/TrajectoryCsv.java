package org.flowscape.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a trajectory for {@code landscape --trajectory}: a CSV whose header names the parameter columns
 * {@code theta_0 .. theta_{P-1}} (other columns, e.g. t and loss, are ignored), one point per row; exactly what
 * {@code flowscape flow --csv} writes.
 */
final class TrajectoryCsv {
    private TrajectoryCsv() {
    }

    /**
     * The points, each length P.
     *
     * @throws IllegalArgumentException when the columns do not match P or a cell is not a finite number
     */
    static List<double[]> read(Path file, int p) throws IOException {
        List<String> lines = org.flowscape.spec.TextFiles.readString(file, "trajectory file", Long.MAX_VALUE)
                .lines().toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("trajectory file " + file + " is empty; write the CSV of "
                    + "'flowscape flow --csv'");
        }
        String[] header = lines.get(0).split(",", -1);
        int[] col = new int[p];
        java.util.Arrays.fill(col, -1);
        for (int c = 0; c < header.length; c++) {
            String h = header[c].trim();
            if (h.startsWith("theta_")) {
                int i = parseIndex(h);
                if (i >= 0 && i < p) {
                    col[i] = c;
                }
            }
        }
        for (int i = 0; i < p; i++) {
            if (col[i] < 0) {
                throw new IllegalArgumentException("trajectory file " + file + " has no column theta_" + i
                        + "; it needs columns theta_0..theta_" + (p - 1) + " (as 'flowscape flow --csv' writes)");
            }
        }
        List<double[]> out = new ArrayList<>();
        for (int r = 1; r < lines.size(); r++) {
            if (lines.get(r).isBlank()) {
                continue;
            }
            String[] cells = lines.get(r).split(",", -1);
            double[] theta = new double[p];
            for (int i = 0; i < p; i++) {
                theta[i] = cell(file, r + 1, cells, col[i]);
            }
            out.add(theta);
        }
        return out;
    }

    private static int parseIndex(String h) {
        try {
            return Integer.parseInt(h.substring("theta_".length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static double cell(Path file, int line, String[] cells, int c) {
        try {
            double v = Double.parseDouble(cells[c].trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // reported below
        }
        throw new IllegalArgumentException("trajectory file " + file + ", line " + line + ", column " + (c + 1)
                + ": not a finite number; every theta cell must be a number");
    }
}
