package org.flowscape.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;

/** Colours, strokes and fonts shared by every rendered figure (Tableau 10 colours, cycled by curve index). */
final class Palette {
    /** Tableau 10: distinguishable in print and for the common colour-vision deficiencies. */
    private static final Color[] CURVES = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
    };
    static final Color GRID = new Color(0xdddddd);
    static final Color CONTOUR = new Color(0x202020);
    static final Font TICK = new Font("SansSerif", Font.PLAIN, 11);
    static final Font LABEL = new Font("SansSerif", Font.PLAIN, 12);
    static final Font LEGEND = new Font("SansSerif", Font.PLAIN, 11);
    static final Stroke LINE = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {6f, 4f}, 0f);
    static final Stroke THIN = new BasicStroke(0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private Palette() {
    }

    /** The colour of the curve at {@code index} (0-based), cycling after ten. */
    static Color curve(int index) {
        return CURVES[index % CURVES.length];
    }
}
