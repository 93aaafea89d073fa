package org.flowscape.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.flowscape.io.FormatException;
import org.flowscape.io.Npy;
import org.flowscape.io.NpyArray;
import org.flowscape.io.Npz;
import org.flowscape.linalg.Matrix;

/**
 * NumPy-backed datasets (see {@link Npy} for the dtypes read; all are widened to double):
 * <ul>
 * <li>{@code npy:X=PATH,Y=PATH}: inputs and targets from two {@code .npy} files;</li>
 * <li>{@code npz:PATH}: one {@code .npz} archive holding arrays {@code x} and {@code y} (or {@code X} and
 * {@code Y}).</li>
 * </ul>
 * X must be 2-d, n × d (a 1-d array of length n is read as n × 1); Y n × k or 1-d of length n (read as n × 1).
 * File and format problems become one-line {@link IllegalArgumentException}s, the convention of {@link Datasets}.
 */
public final class NpyData {
    /** The array names an npz dataset is read from, for messages. */
    public static final String NPZ_NAMES = "x (n x d inputs) and y (n x k targets, or length n)";

    private NpyData() {
    }

    /** Reads X and Y; {@code spec} is recorded with the dataset. */
    public static Dataset read(String spec, Path xPath, Path yPath) {
        NpyArray xa = unchecked(() -> Npy.read(xPath), "npy", xPath);
        NpyArray ya = unchecked(() -> Npy.read(yPath), "npy", yPath);
        return dataset(spec, xa, "X (" + xPath + ")", ya, "Y (" + yPath + ")");
    }

    /** Reads arrays {@code x} and {@code y} (or {@code X}, {@code Y}) of an npz archive; others are ignored. */
    public static Dataset readNpz(String spec, Path path) {
        Map<String, NpyArray> arrays = unchecked(() -> Npz.read(path), "npz", path);
        NpyArray x = arrays.containsKey("x") ? arrays.get("x") : arrays.get("X");
        NpyArray y = arrays.containsKey("y") ? arrays.get("y") : arrays.get("Y");
        if (x == null || y == null) {
            throw new IllegalArgumentException(path + " holds arrays " + arrays.keySet() + " but a dataset needs "
                    + NPZ_NAMES + "; save it with numpy.savez(path, x=X, y=Y)");
        }
        return dataset(spec, x, "x (" + path + ")", y, "y (" + path + ")");
    }

    private static Dataset dataset(String spec, NpyArray xa, String xName, NpyArray ya, String yName) {
        Matrix x = xa.toMatrix(xName);
        Matrix y = ya.toMatrix(yName);
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException(xName + " has shape " + Arrays.toString(xa.shape()) + " but " + yName
                    + " has shape " + Arrays.toString(ya.shape())
                    + "; both need one row per sample (the same first dimension)");
        }
        return new Dataset(spec, x, y);
    }

    /** A read that may fail. */
    @FunctionalInterface
    interface Read<T> {
        T read() throws IOException;
    }

    /** Runs {@code read}, turning format and file failures into one-line {@link IllegalArgumentException}s. */
    static <T> T unchecked(Read<T> read, String kind, Path path) {
        if (java.nio.file.Files.isDirectory(path)) {
            throw new IllegalArgumentException(kind + " file " + path + " is a directory; give the path of a file");
        }
        try {
            return read.read();
        } catch (FormatException e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new IllegalArgumentException("cannot open " + kind + " file " + path + " ("
                    + e.getClass().getSimpleName() + "); check the path");
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
            throw new IllegalArgumentException("cannot read " + kind + " file " + path + " (" + m + "); check that "
                    + "it is a readable file");
        }
    }
}
