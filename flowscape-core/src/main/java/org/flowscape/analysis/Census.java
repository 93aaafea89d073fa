package org.flowscape.analysis;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.model.Network;

/**
 * Counts points modulo the network's discrete symmetries: points whose {@link CanonicalForm}s agree to within
 * {@code tolerance} · (1 + ‖form‖∞) in the max norm fall in the same orbit. Greedy in input order (the first member
 * of an orbit is its representative), so the result depends only on the order of the points.
 */
public final class Census {
    /**
     * One orbit.
     *
     * @param representative the canonical form of its first member (copied)
     * @param members        indices of the input points in it, ascending
     */
    public record Orbit(double[] representative, List<Integer> members) {
        public Orbit {
            representative = representative.clone();
            members = List.copyOf(members);
        }
    }

    private Census() {
    }

    /** Groups {@code points} (each read only) into orbits. */
    public static List<Orbit> orbits(Network network, List<double[]> points, double tolerance) {
        List<double[]> forms = new ArrayList<>();
        for (double[] point : points) {
            forms.add(CanonicalForm.of(network, point, tolerance));
        }
        return group(forms, tolerance);
    }

    /**
     * Groups {@code points} (each read only) that agree to within {@code tolerance} · (1 + ‖θ‖∞) in the max norm, modulo
     * no symmetry: the census of models without a canonical form ({@code layers:} and closed-form {@code fn:} models).
     */
    public static List<Orbit> distinct(List<double[]> points, double tolerance) {
        return group(points, tolerance);
    }

    private static List<Orbit> group(List<double[]> forms, double tolerance) {
        List<double[]> reps = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            double[] form = forms.get(i);
            int found = -1;
            for (int r = 0; r < reps.size() && found < 0; r++) {
                if (close(reps.get(r), form, tolerance)) {
                    found = r;
                }
            }
            if (found < 0) {
                reps.add(form);
                members.add(new ArrayList<>());
                found = reps.size() - 1;
            }
            members.get(found).add(i);
        }
        List<Orbit> out = new ArrayList<>();
        for (int r = 0; r < reps.size(); r++) {
            out.add(new Orbit(reps.get(r), members.get(r)));
        }
        return out;
    }

    private static boolean close(double[] a, double[] b, double tol) {
        double scale = 1 + Math.max(org.flowscape.linalg.Vectors.normInf(a), org.flowscape.linalg.Vectors.normInf(b));
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > tol * scale) {
                return false;
            }
        }
        return true;
    }
}
