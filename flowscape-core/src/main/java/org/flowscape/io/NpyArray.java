package org.flowscape.io;

import java.util.Arrays;
import org.flowscape.linalg.Matrix;

/**
 * An n-dimensional array read from or written to a NumPy {@code .npy} file.
 *
 * @param shape the dimensions, each &ge; 0 ({@code []} for a 0-d scalar)
 * @param data  the entries in row-major (C) order, widened to double; length the product of {@code shape}
 */
public record NpyArray(int[] shape, double[] data) {
    public NpyArray {
        long count = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("npy shape " + Arrays.toString(shape) + " has a negative dimension");
            }
            count *= s;
            if (count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("npy shape " + Arrays.toString(shape) + " is too large");
            }
        }
        if (count != data.length) {
            throw new IllegalArgumentException("npy shape " + Arrays.toString(shape) + " holds " + count
                    + " entries but data has " + data.length);
        }
    }

    /** A 2-d array viewing the matrix's data (not copied). */
    public static NpyArray of(Matrix m) {
        return new NpyArray(new int[] {m.rows(), m.cols()}, m.data());
    }

    /** The number of dimensions. */
    public int ndim() {
        return shape.length;
    }

    /**
     * This array as a matrix viewing the same data: a 2-d array as is, a 1-d array of length n as n × 1 (a column).
     *
     * @throws IllegalArgumentException for 0-d or more than 2-d arrays, naming {@code what}
     */
    public Matrix toMatrix(String what) {
        if (shape.length == 2) {
            return new Matrix(shape[0], shape[1], data);
        }
        if (shape.length == 1) {
            return new Matrix(shape[0], 1, data);
        }
        throw new IllegalArgumentException(what + " has shape " + Arrays.toString(shape)
                + " but a 1-d or 2-d array is needed; reshape it in NumPy before saving");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && Arrays.equals(shape, a.shape) && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray" + Arrays.toString(shape);
    }
}
