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
        List<double[]> reps = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            double[] form = CanonicalForm.of(network, points.get(i), tolerance);
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

    /**
     * Groups {@code points} (each read only) that agree to within {@code tolerance} · (1 + ‖θ‖∞) in the max norm,
     * for models without symmetries (closed-form {@code fn:} models): each group is one point.
     */
    public static List<Orbit> distinct(List<double[]> points, double tolerance) {
        List<Orbit> out = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            int found = -1;
            for (int r = 0; r < out.size() && found < 0; r++) {
                if (close(out.get(r).representative(), points.get(i), tolerance)) {
                    found = r;
                }
            }
            if (found < 0) {
                out.add(new Orbit(points.get(i), List.of()));
                members.add(new ArrayList<>());
                found = out.size() - 1;
            }
            members.get(found).add(i);
        }
        List<Orbit> result = new ArrayList<>();
        for (int r = 0; r < out.size(); r++) {
            result.add(new Orbit(out.get(r).representative(), members.get(r)));
        }
        return result;
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
