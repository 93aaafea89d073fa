package org.flowscape.analysis;

import java.util.Arrays;
import java.util.Comparator;
import org.flowscape.model.DenseLayer;
import org.flowscape.model.Network;
import org.flowscape.model.Symmetry;

/**
 * A canonical representative of θ modulo the network's discrete symmetries ({@link Network#symmetries()}) and
 * positive rescalings, layer by layer from the input. For each hidden layer: with {@link Symmetry.PositiveRescaling}
 * each unit's incoming weights and bias are scaled to unit norm (outgoing weights times norm^k); with
 * {@link Symmetry.SignFlip} each unit is flipped so that the first entry of (incoming weights, bias, outgoing weights)
 * larger than {@code signTolerance} in magnitude is positive (for an activation odd about c ≠ 0, such as the logistic
 * sigmoid, the next layer's bias takes the shift 2c·v of each flipped unit); with {@link Symmetry.Permutation} the
 * units are sorted lexicographically by (incoming weights, bias, outgoing weights). A {@link Symmetry.LinearGauge}
 * GL(h) between a linear layer and the next is quotiented first, from the input on, by {@link LinearGaugeForm} (the
 * layer's [W | b] becomes a canonical orthonormal basis of its row space) when [W | b] has full row rank;
 * rank-deficient layers are left as they are (their stabilizer is non-trivial; compare such points through
 * {@link SymmetryOrbit}). Two copies of a point under these
 * symmetries get the same canonical form up to round-off, except when two units tie in their leading entries to
 * within round-off (a near-duplicate, i.e. a redundant point).
 */
public final class CanonicalForm {
    private CanonicalForm() {
    }

    /** The canonical form of θ (read only) as a new vector. */
    public static double[] of(Network network, double[] theta, double signTolerance) {
        double[] t = theta.clone();
        for (Symmetry s : network.symmetries()) {
            if (s instanceof Symmetry.PositiveRescaling r) {
                rescale(network, t, r.layer() - 1, r.degree());
            }
        }
        for (Symmetry s : network.symmetries()) {
            if (s instanceof Symmetry.LinearGauge g) {
                LinearGaugeForm.apply(network, t, g.layer() - 1);
            }
        }
        for (int l = 0; l + 1 < network.depth(); l++) {
            Symmetry.SignFlip flip = signFlip(network, l + 1);
            boolean permute = has(network, Symmetry.Permutation.class, l + 1);
            if (flip != null) {
                flipSigns(network, t, l, signTolerance, flip.center());
            }
            if (permute) {
                sortUnits(network, t, l);
            }
        }
        return t;
    }

    private static boolean has(Network network, Class<? extends Symmetry> kind, int layer) {
        for (Symmetry s : network.symmetries()) {
            if (kind.isInstance(s) && layerOf(s) == layer) {
                return true;
            }
        }
        return false;
    }

    private static Symmetry.SignFlip signFlip(Network network, int layer) {
        for (Symmetry s : network.symmetries()) {
            if (s instanceof Symmetry.SignFlip f && f.layer() == layer) {
                return f;
            }
        }
        return null;
    }

    private static int layerOf(Symmetry s) {
        if (s instanceof Symmetry.Permutation p) {
            return p.layer();
        }
        if (s instanceof Symmetry.SignFlip f) {
            return f.layer();
        }
        return -1;
    }

    /** The unit's entries: incoming row, bias, outgoing column. */
    private static double[] unit(Network net, double[] t, int l, int j) {
        DenseLayer in = net.layers().get(l);
        DenseLayer out = net.layers().get(l + 1);
        double[] u = new double[in.inputs() + (in.bias() ? 1 : 0) + out.outputs()];
        int at = 0;
        for (int c = 0; c < in.inputs(); c++) {
            u[at++] = t[net.offset(l) + j * in.inputs() + c];
        }
        if (in.bias()) {
            u[at++] = t[net.offset(l) + in.outputs() * in.inputs() + j];
        }
        for (int i = 0; i < out.outputs(); i++) {
            u[at++] = t[net.offset(l + 1) + i * out.inputs() + j];
        }
        return u;
    }

    private static void setUnit(Network net, double[] t, int l, int j, double[] u) {
        DenseLayer in = net.layers().get(l);
        DenseLayer out = net.layers().get(l + 1);
        int at = 0;
        for (int c = 0; c < in.inputs(); c++) {
            t[net.offset(l) + j * in.inputs() + c] = u[at++];
        }
        if (in.bias()) {
            t[net.offset(l) + in.outputs() * in.inputs() + j] = u[at++];
        }
        for (int i = 0; i < out.outputs(); i++) {
            t[net.offset(l + 1) + i * out.inputs() + j] = u[at++];
        }
    }

    /** Flips units to the sign convention; with center c ≠ 0 the next bias gains 2c·v_j (v_j before the flip). */
    private static void flipSigns(Network net, double[] t, int l, double tol, double center) {
        DenseLayer out = net.layers().get(l + 1);
        int fanIn = net.layers().get(l).inputs() + (net.layers().get(l).bias() ? 1 : 0);
        for (int j = 0; j < net.layers().get(l).outputs(); j++) {
            double[] u = unit(net, t, l, j);
            for (double x : u) {
                if (Math.abs(x) > tol) {
                    if (x < 0) {
                        for (int i = 0; i < out.outputs() && center != 0; i++) {
                            t[net.offset(l + 1) + out.outputs() * out.inputs() + i] += 2 * center * u[fanIn + i];
                        }
                        for (int i = 0; i < u.length; i++) {
                            u[i] = -u[i];
                        }
                        setUnit(net, t, l, j, u);
                    }
                    break;
                }
            }
        }
    }

    private static void sortUnits(Network net, double[] t, int l) {
        int w = net.layers().get(l).outputs();
        double[][] units = new double[w][];
        for (int j = 0; j < w; j++) {
            units[j] = unit(net, t, l, j);
        }
        Arrays.sort(units, Comparator.comparing((double[] u) -> u, Arrays::compare));
        for (int j = 0; j < w; j++) {
            setUnit(net, t, l, j, units[j]);
        }
    }

    private static void rescale(Network net, double[] t, int l, int degree) {
        DenseLayer in = net.layers().get(l);
        int fanIn = in.inputs() + (in.bias() ? 1 : 0);
        for (int j = 0; j < in.outputs(); j++) {
            double[] u = unit(net, t, l, j);
            double norm = 0;
            for (int i = 0; i < fanIn; i++) {
                norm += u[i] * u[i];
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                continue;
            }
            for (int i = 0; i < u.length; i++) {
                u[i] = i < fanIn ? u[i] / norm : u[i] * Math.pow(norm, degree);
            }
            setUnit(net, t, l, j, u);
        }
    }
}
