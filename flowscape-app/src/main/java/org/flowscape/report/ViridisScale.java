package org.flowscape.report;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * The viridis colour map (perceptually uniform, readable in grey) as a JFreeChart {@link PaintScale}:
 * linear interpolation between nine anchors of matplotlib's table. Values outside [lower, upper] are clamped;
 * NaN maps to light grey (heat maps leave non-finite cells out before they get here).
 */
final class ViridisScale implements PaintScale, Serializable {
    private static final int[] ANCHORS = {
        0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725,
    };
    private final double lower;
    private final double upper;

    /** A scale from {@code lower} to {@code upper}; equal bounds are widened so that the scale is valid. */
    ViridisScale(double lower, double upper) {
        if (!(upper > lower)) {
            double pad = lower == 0 ? 1 : Math.abs(lower) * 1e-6;
            upper = lower + pad;
            lower = lower - pad;
        }
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return Color.LIGHT_GRAY;
        }
        double s = Math.min(1, Math.max(0, (value - lower) / (upper - lower))) * (ANCHORS.length - 1);
        int k = Math.min(ANCHORS.length - 2, (int) Math.floor(s));
        double f = s - k;
        return new Color(mix(ANCHORS[k], ANCHORS[k + 1], 16, f), mix(ANCHORS[k], ANCHORS[k + 1], 8, f),
                mix(ANCHORS[k], ANCHORS[k + 1], 0, f));
    }

    private static int mix(int a, int b, int shift, double f) {
        int ca = (a >> shift) & 0xff;
        int cb = (b >> shift) & 0xff;
        return (int) Math.round(ca + f * (cb - ca));
    }
}
