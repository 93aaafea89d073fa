package org.flowscape.census.laws;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowscape.census.homotopy.Polynomial;
import org.flowscape.model.DenseLayer;
import org.flowscape.model.Network;

/**
 * A polynomial reparametrisation φ(θ) of a network, through which every loss on any data factors as L(θ) = ℓ(φ(θ)):
 * for a network with identity activations (linear, product) the entries of the end-to-end affine map (the product
 * W_L⋯W_1 and, with biases, the end-to-end bias); for positively homogeneous hidden units (relu, leaky_relu) within
 * one activation pattern the path lifting, the products of the weights along every path from an input or a bias to
 * an output (Marcotte, Gribonval &amp; Peyré, Abide by the law and follow the flow, NeurIPS 2023, §2).
 *
 * @param components φ_1 … φ_m as integer-coefficient polynomials in the P parameters
 * @param kind       {@code end-to-end} or {@code path-lifting}
 */
public record Reparametrisation(List<Polynomial> components, String kind) {
    public Reparametrisation {
        components = List.copyOf(components);
    }

    /**
     * φ of a network.
     *
     * @throws IllegalArgumentException when a hidden activation is neither the identity nor positively homogeneous
     *         of degree 1 (relu, leaky_relu)
     */
    public static Reparametrisation of(Network net) {
        boolean linear = true;
        for (int l = 0; l + 1 < net.depth(); l++) {
            String spec = net.layers().get(l).activation().spec().toLowerCase(Locale.ROOT);
            boolean homogeneous = spec.equals("relu") || spec.startsWith("leaky_relu(");
            if (!spec.equals("identity") && !homogeneous) {
                throw new IllegalArgumentException("activation '" + spec + "' has no polynomial reparametrisation; "
                        + "laws takes linear:, product: and mlp: with identity, relu or leaky_relu(A)");
            }
            linear &= spec.equals("identity");
        }
        return linear ? endToEnd(net) : pathLifting(net);
    }

    /** The entries of the end-to-end affine map, output-major: A (k × d, row-major) then the bias (k), if any. */
    static Reparametrisation endToEnd(Network net) {
        int p = net.parameterCount();
        // propagate the identity (columns of A) and the zero input (the bias) through the layers symbolically
        int d = net.inputDim();
        Polynomial[][] vectors = new Polynomial[d + 1][];
        for (int i = 0; i <= d; i++) {
            vectors[i] = new Polynomial[d];
            for (int j = 0; j < d; j++) {
                vectors[i][j] = Polynomial.constant(p, i < d && i == j ? 1 : 0);
            }
        }
        for (int l = 0; l < net.depth(); l++) {
            for (int i = 0; i <= d; i++) {
                vectors[i] = affine(net, l, vectors[i], i == d);
            }
        }
        List<Polynomial> out = new ArrayList<>();
        int k = net.outputDim();
        for (int o = 0; o < k; o++) {
            for (int i = 0; i < d; i++) {
                out.add(vectors[i][o]);
            }
        }
        if (net.layers().stream().anyMatch(DenseLayer::bias)) {
            for (int o = 0; o < k; o++) {
                out.add(vectors[d][o]);
            }
        }
        return new Reparametrisation(out, "end-to-end");
    }

    /** W_l·a (+ b_l when {@code withBias}) for layer l. */
    private static Polynomial[] affine(Network net, int l, Polynomial[] a, boolean withBias) {
        DenseLayer layer = net.layers().get(l);
        int p = net.parameterCount();
        int off = net.offset(l);
        Polynomial[] z = new Polynomial[layer.outputs()];
        for (int j = 0; j < z.length; j++) {
            Polynomial s = withBias && layer.bias()
                    ? Polynomial.variable(p, off + layer.outputs() * layer.inputs() + j) : Polynomial.zero(p);
            for (int i = 0; i < layer.inputs(); i++) {
                s = s.plus(Polynomial.variable(p, off + j * layer.inputs() + i).times(a[i]));
            }
            z[j] = s;
        }
        return z;
    }

    /** The path products: for every output, every path from an input or a hidden/output bias, one monomial. */
    static Reparametrisation pathLifting(Network net) {
        int p = net.parameterCount();
        List<List<Polynomial>> paths = new ArrayList<>();
        for (int i = 0; i < net.inputDim(); i++) {
            paths.add(List.of(Polynomial.constant(p, 1)));
        }
        for (int l = 0; l < net.depth(); l++) {
            DenseLayer layer = net.layers().get(l);
            int off = net.offset(l);
            List<List<Polynomial>> next = new ArrayList<>();
            for (int j = 0; j < layer.outputs(); j++) {
                List<Polynomial> unit = new ArrayList<>();
                for (int i = 0; i < layer.inputs(); i++) {
                    Polynomial w = Polynomial.variable(p, off + j * layer.inputs() + i);
                    for (Polynomial q : paths.get(i)) {
                        unit.add(w.times(q));
                    }
                }
                if (layer.bias()) {
                    unit.add(Polynomial.variable(p, off + layer.outputs() * layer.inputs() + j));
                }
                next.add(unit);
            }
            paths = next;
        }
        List<Polynomial> out = new ArrayList<>();
        paths.forEach(out::addAll);
        return new Reparametrisation(out, "path-lifting");
    }
}
