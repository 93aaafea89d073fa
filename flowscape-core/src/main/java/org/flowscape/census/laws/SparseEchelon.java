package org.flowscape.census.laws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Incremental row echelon form over F_p for sparse vectors keyed by long indices (a polynomial vector field becomes
 * the vector of its (monomial, component) coefficients): decides exactly whether a new vector field is a linear
 * combination of those kept so far. Rows are normalised to pivot 1; each kept row has zeros at all earlier pivots.
 * Not thread-safe.
 */
final class SparseEchelon {
    private final List<TreeMap<Long, Long>> rows = new ArrayList<>();

    /** The number of independent vectors kept. */
    int rank() {
        return rows.size();
    }

    /** Adds v (not modified) when it is independent of the rows so far; returns whether it was. */
    boolean add(Map<Long, Long> vector) {
        TreeMap<Long, Long> v = new TreeMap<>(vector);
        for (TreeMap<Long, Long> row : rows) {
            Long c = v.get(row.firstKey());
            if (c == null) {
                continue;
            }
            for (Map.Entry<Long, Long> e : row.entrySet()) {
                long product = c * e.getValue() % ModPolynomial.P;
                long updated = ModPolynomial.reduce(v.getOrDefault(e.getKey(), 0L) - product);
                if (updated == 0) {
                    v.remove(e.getKey());
                } else {
                    v.put(e.getKey(), updated);
                }
            }
        }
        if (v.isEmpty()) {
            return false;
        }
        long inv = ModLinear.inverse(v.firstEntry().getValue());
        v.replaceAll((k, c) -> c * inv % ModPolynomial.P);
        rows.add(v);
        return true;
    }
}
