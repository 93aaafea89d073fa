package org.flowscape.analysis.precise;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Gaussian elimination with partial pivoting on {@link BigDecimal} matrices, rounded to nearest at a given
 * precision: the non-rigorous linear algebra of the extended-precision Newton steps and of the approximate inverse
 * in the Krawczyk operator (neither needs to be exact; the proofs use interval arithmetic). Written here because
 * neither ojAlgo nor Hipparchus solves in arbitrary precision. Cost: O(P³) {@code BigDecimal} operations.
 */
final class BigLinear {
    private BigLinear() {
    }

    /**
     * Solves A X = B for X.
     *
     * @param a P × P row-major (read only)
     * @param b P × k row-major (read only)
     * @return X, P × k row-major, or null when A is singular at this precision
     */
    static BigDecimal[] solve(BigDecimal[] a, BigDecimal[] b, int p, int k, MathContext mc) {
        BigDecimal[] m = a.clone();
        BigDecimal[] x = b.clone();
        for (int col = 0; col < p; col++) {
            int pivot = col;
            for (int r = col + 1; r < p; r++) {
                if (m[r * p + col].abs().compareTo(m[pivot * p + col].abs()) > 0) {
                    pivot = r;
                }
            }
            if (m[pivot * p + col].signum() == 0) {
                return null;
            }
            swapRows(m, p, col, pivot);
            swapRows(x, k, col, pivot);
            BigDecimal diag = m[col * p + col];
            for (int r = col + 1; r < p; r++) {
                BigDecimal factor = m[r * p + col].divide(diag, mc);
                if (factor.signum() == 0) {
                    continue;
                }
                for (int c = col; c < p; c++) {
                    m[r * p + c] = m[r * p + c].subtract(factor.multiply(m[col * p + c], mc), mc);
                }
                for (int c = 0; c < k; c++) {
                    x[r * k + c] = x[r * k + c].subtract(factor.multiply(x[col * k + c], mc), mc);
                }
            }
        }
        for (int r = p - 1; r >= 0; r--) {
            for (int c = 0; c < k; c++) {
                BigDecimal s = x[r * k + c];
                for (int j = r + 1; j < p; j++) {
                    s = s.subtract(m[r * p + j].multiply(x[j * k + c], mc), mc);
                }
                x[r * k + c] = s.divide(m[r * p + r], mc);
            }
        }
        return x;
    }

    /** The P × P identity. */
    static BigDecimal[] identity(int p) {
        BigDecimal[] out = new BigDecimal[p * p];
        java.util.Arrays.fill(out, BigDecimal.ZERO);
        for (int i = 0; i < p; i++) {
            out[i * p + i] = BigDecimal.ONE;
        }
        return out;
    }

    private static void swapRows(BigDecimal[] m, int width, int a, int b) {
        if (a == b) {
            return;
        }
        for (int c = 0; c < width; c++) {
            BigDecimal t = m[a * width + c];
            m[a * width + c] = m[b * width + c];
            m[b * width + c] = t;
        }
    }
}
