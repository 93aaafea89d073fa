package org.flowscape.data;

import java.nio.file.Path;
import java.util.Arrays;
import org.flowscape.linalg.Matrix;

/**
 * {@code npy:X=PATH,Y=PATH}: inputs and targets from two NumPy {@code .npy} files (see {@link Npy} for the dtypes
 * read). X must be 2-d, n × d (a 1-d array of length n is read as n × 1); Y n × k or 1-d of length n (read as
 * n × 1). Both are widened to double.
 */
public final class NpyData {
    private NpyData() {
    }

    /** Reads X and Y; {@code spec} is recorded with the dataset. */
    public static Dataset read(String spec, Path xPath, Path yPath) {
        NpyArray xa = Npy.read(xPath);
        NpyArray ya = Npy.read(yPath);
        Matrix x = xa.toMatrix("X (" + xPath + ")");
        Matrix y = ya.toMatrix("Y (" + yPath + ")");
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("X (" + xPath + ") has shape " + Arrays.toString(xa.shape())
                    + " but Y (" + yPath + ") has shape " + Arrays.toString(ya.shape())
                    + "; both need one row per sample (the same first dimension)");
        }
        return new Dataset(spec, x, y);
    }
}
