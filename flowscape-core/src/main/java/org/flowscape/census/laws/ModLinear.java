package org.flowscape.census.laws;

import java.util.ArrayList;
import java.util.List;

/**
 * Incremental row echelon form over F_p ({@link ModPolynomial#P}): vectors are added one at a time and kept only when
 * independent of those before, so the rank of a growing set is exact. Dense rows of fixed length. Not thread-safe.
 */
final class ModLinear {
    private final int length;
    private final List<long[]> rows = new ArrayList<>();
    private final List<Integer> pivots = new ArrayList<>();

    ModLinear(int length) {
        this.length = length;
    }

    /** The rank so far. */
    int rank() {
        return rows.size();
    }

    /** Reduces v (copied) by the rows so far; adds it and returns true when something independent remains. */
    boolean add(long[] vector) {
        long[] v = vector.clone();
        for (int r = 0; r < rows.size(); r++) {
            int p = pivots.get(r);
            if (v[p] != 0) {
                long f = v[p];
                long[] row = rows.get(r);
                for (int j = 0; j < length; j++) {
                    if (row[j] != 0) {
                        v[j] = ModPolynomial.reduce(v[j] - f * row[j] % ModPolynomial.P);
                    }
                }
            }
        }
        for (int j = 0; j < length; j++) {
            if (v[j] != 0) {
                long inv = inverse(v[j]);
                for (int k = 0; k < length; k++) {
                    v[k] = v[k] * inv % ModPolynomial.P;
                }
                rows.add(v);
                pivots.add(j);
                return true;
            }
        }
        return false;
    }

    /** a⁻¹ mod p by Fermat's little theorem (a ≠ 0). */
    static long inverse(long a) {
        long result = 1;
        long base = a % ModPolynomial.P;
        for (long e = ModPolynomial.P - 2; e > 0; e >>= 1) {
            if ((e & 1) == 1) {
                result = result * base % ModPolynomial.P;
            }
            base = base * base % ModPolynomial.P;
        }
        return result;
    }
}
