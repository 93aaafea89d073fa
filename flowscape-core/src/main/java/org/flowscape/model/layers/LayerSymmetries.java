package org.flowscape.model.layers;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.model.ActivationTraits;
import org.flowscape.model.Symmetry;

/**
 * The unit symmetries a layer sequence declares, found by its layers: for each parametrised layer A (dense or
 * convolution) whose outputs reach the next parametrised layer B of the same sequence through entrywise activations,
 * average pooling and flattening only (never across a residual connection, which ties the units to the block's
 * input):
 * <ul>
 * <li>no activation between them (or identities only): GL(units) acts (a {@link Symmetry.LinearGauge});</li>
 * <li>otherwise permutations of A's units (channels of a convolution), when there are at least two;</li>
 * <li>sign flips when every activation between is odd (tanh, sin, …);</li>
 * <li>positive rescaling when every activation between is positively homogeneous (relu, leaky relu, relu_pow(k));
 * the degree is the product of their degrees.</li>
 * </ul>
 * Residual bodies are searched on their own. Flips of activations odd only up to a shift (the sigmoid) are not
 * declared here.
 */
final class LayerSymmetries {
    private LayerSymmetries() {
    }

    /** The unit symmetries of {@code model}, in layer order. */
    static List<UnitSymmetry> of(LayerModel model) {
        List<UnitSymmetry> out = new ArrayList<>();
        List<LayerModel.Placed> placed = model.parametrised();
        search(model.layers(), 0, placed, out);
        return out;
    }

    private static void search(LayerSequence seq, int base, List<LayerModel.Placed> placed, List<UnitSymmetry> out) {
        List<Layer> layers = seq.layers();
        for (int a = 0; a < layers.size(); a++) {
            Layer layer = layers.get(a);
            if (layer instanceof Residual r) {
                search(r.body(), base + seq.offset(a), placed, out);
                continue;
            }
            if (layer.parameterCount() == 0) {
                continue;
            }
            List<ActivationTraits> acts = new ArrayList<>();
            for (int b = a + 1; b < layers.size(); b++) {
                Layer next = layers.get(b);
                if (next instanceof Pointwise p) {
                    if (!p.activation().isIdentity()) {
                        acts.add(p.activation().traits());
                    }
                } else if (next instanceof Dense || next instanceof Convolution) {
                    declare(index(placed, base + seq.offset(a)), layer, base + seq.offset(a), next,
                            base + seq.offset(b), acts, out);
                    break;
                } else if (next instanceof Residual) {
                    break;
                }
            }
        }
    }

    private static int index(List<LayerModel.Placed> placed, int offset) {
        for (LayerModel.Placed p : placed) {
            if (p.offset() == offset) {
                return p.index() + 1;
            }
        }
        throw new IllegalStateException("no parametrised layer at offset " + offset);
    }

    private static void declare(int layerIndex, Layer a, int aOff, Layer b, int bOff, List<ActivationTraits> acts,
            List<UnitSymmetry> out) {
        int units = LayerModel.rows(a);
        int rowLength = a instanceof Convolution c ? c.fanIn() : ((Dense) a).in();
        int aBias = LayerModel.hasBias(a) ? aOff + units * rowLength : -1;
        int bRows = LayerModel.rows(b);
        int bCols = b instanceof Convolution c ? c.fanIn() : ((Dense) b).in();
        int slice = bCols / units;
        if (acts.isEmpty()) {
            out.add(new UnitSymmetry(new Symmetry.LinearGauge(layerIndex, units), aOff, rowLength, aBias, units, bOff,
                    bRows, slice));
            return;
        }
        boolean odd = true;
        int degree = 1;
        for (ActivationTraits t : acts) {
            odd &= t.odd();
            degree = t.homogeneous() && degree > 0 ? degree * t.homogeneityDegree() : 0;
        }
        if (degree > 0) {
            out.add(new UnitSymmetry(new Symmetry.PositiveRescaling(layerIndex, units, degree), aOff, rowLength, aBias,
                    units, bOff, bRows, slice));
        }
        if (units > 1) {
            out.add(new UnitSymmetry(new Symmetry.Permutation(layerIndex, units), aOff, rowLength, aBias, units, bOff,
                    bRows, slice));
        }
        if (odd) {
            out.add(new UnitSymmetry(new Symmetry.SignFlip(layerIndex, units), aOff, rowLength, aBias, units, bOff,
                    bRows, slice));
        }
    }
}
