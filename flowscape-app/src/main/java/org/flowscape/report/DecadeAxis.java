package org.flowscape.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 {@link LogAxis} whose tick labels are plain strings such as "10⁻⁹" (Unicode superscripts). JFreeChart's
 * own labels use a superscript text attribute, which Batik can only draw as glyph outlines (large, not
 * selectable); plain strings stay SVG {@code <text>}.
 */
final class DecadeAxis extends LogAxis {
    private static final String SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";

    DecadeAxis(String label) {
        super(label);
    }

    /** The log axis's ticks as plain-text ticks (an attributed label would be drawn as glyph outlines). */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<Tick> out = new ArrayList<>();
        int major = 0;
        for (Object o : super.refreshTicks(g2, state, dataArea, edge)) {
            ValueTick t = (ValueTick) o;
            boolean isMajor = t.getTickType() == TickType.MAJOR;
            major += isMajor ? 1 : 0;
            out.add(new NumberTick(t.getTickType(), t.getValue(), isMajor ? label(t.getValue()) : "",
                    t.getTextAnchor(), t.getRotationAnchor(), t.getAngle()));
        }
        return major >= 3 ? out : oneTwoFive(edge);
    }

    /** Ticks at 1, 2 and 5 times the powers of ten in the range, for ranges too narrow for three decades. */
    private List<Tick> oneTwoFive(RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        List<Tick> out = new ArrayList<>();
        double lo = getRange().getLowerBound();
        double hi = getRange().getUpperBound();
        for (long e = (long) Math.floor(Math.log10(lo)); e <= (long) Math.ceil(Math.log10(hi)); e++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, e);
                if (v >= lo && v <= hi) {
                    out.add(new NumberTick(TickType.MAJOR, v, Numbers.sig(v, 3), anchor, anchor,
                            0.0));
                }
            }
        }
        return out;
    }

    /** "10ⁿ" when {@code value} is a power of ten (to 1e-9 relative), else four significant digits. */
    static String label(double value) {
        long e = Math.round(Math.log10(value));
        if (Math.abs(value / Math.pow(10, e) - 1) > 1e-9) {
            return Numbers.sig(value);
        }
        StringBuilder sb = new StringBuilder("10");
        String digits = Long.toString(Math.abs(e));
        if (e < 0) {
            sb.append('\u207b');
        }
        for (char c : digits.toCharArray()) {
            sb.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return sb.toString();
    }
}
