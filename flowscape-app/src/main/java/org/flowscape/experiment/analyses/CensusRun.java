package org.flowscape.experiment.analyses;

import java.util.Locale;
import org.flowscape.census.BoxCensus;
import org.flowscape.census.CensusConfig;
import org.flowscape.census.CensusResult;
import org.flowscape.spec.Problem;

/** The census of one problem in a box: shared by {@code flowscape census} and the study analysis {@code census}. */
public final class CensusRun {
    private CensusRun() {
    }

    /**
     * Parses {@code LO:HI} (one range for every coordinate) or {@code LO:HI,LO:HI,...} (one per coordinate) into
     * {lo, hi} for P coordinates.
     *
     * @throws IllegalArgumentException naming the malformed part and the expected form
     */
    public static double[][] parseBox(String text, int p) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("census needs a box: pass --box LO:HI (one range for all " + p
                    + " coordinates) or --box LO:HI,LO:HI,... (one per coordinate), e.g. --box -2:2");
        }
        String[] parts = text.strip().split(",");
        if (parts.length != 1 && parts.length != p) {
            throw new IllegalArgumentException("--box has " + parts.length + " ranges but the model has P = " + p
                    + " parameters; give one range for all (e.g. --box -2:2) or exactly " + p);
        }
        double[] lo = new double[p];
        double[] hi = new double[p];
        for (int i = 0; i < p; i++) {
            String part = parts[parts.length == 1 ? 0 : i].strip();
            int colon = part.indexOf(':', part.startsWith("-") ? 1 : 0);
            if (colon < 0) {
                throw new IllegalArgumentException("--box range '" + part + "' is not LO:HI; write e.g. -2:2");
            }
            try {
                lo[i] = Double.parseDouble(part.substring(0, colon).strip());
                hi[i] = Double.parseDouble(part.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--box range '" + part + "' is not two numbers LO:HI; write e.g. "
                        + "-2:2");
            }
            if (!(Double.isFinite(lo[i]) && Double.isFinite(hi[i]) && lo[i] < hi[i])) {
                throw new IllegalArgumentException("--box range '" + part + "' needs finite LO < HI, e.g. -2:2");
            }
        }
        return new double[][] {lo, hi};
    }

    /** The box as text, {@code [-2, 2]^2} or {@code [-1.5, 1.2] x [-0.5, 2]}. */
    public static String describe(double[] lo, double[] hi) {
        boolean same = true;
        for (int i = 1; i < lo.length; i++) {
            same &= lo[i] == lo[0] && hi[i] == hi[0];
        }
        if (same) {
            return String.format(Locale.ROOT, "[%s, %s]^%d", num(lo[0]), num(hi[0]), lo.length);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lo.length; i++) {
            b.append(i == 0 ? "" : " x ").append('[').append(num(lo[i])).append(", ").append(num(hi[i])).append(']');
        }
        return b.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+($|e)", "$1");
    }

    /** Runs the census of {@code problem}'s objective (with its weight decay). */
    public static CensusResult run(Problem problem, CensusConfig config, BoxCensus.Progress progress) {
        return BoxCensus.run(problem.objective(), config, progress);
    }
}
