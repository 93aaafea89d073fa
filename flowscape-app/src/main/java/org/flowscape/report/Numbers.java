package org.flowscape.report;

import java.util.Locale;

/** Number formatting for reports: locale-independent, so the same value always prints the same text. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * {@code v} with {@code digits} significant digits: plain notation for magnitudes in [1e-3, 1e5), scientific
     * otherwise; "NaN", "∞" and "−∞" for the non-finite values.
     */
    public static String sig(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "\u2212\u221e";
        }
        double a = Math.abs(v);
        if (a == 0 || a >= 1e-3 && a < 1e5) {
            String s = new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros()
                    .toPlainString();
            return s.equals("-0") ? "0" : s;
        }
        String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("\\.?0+$", "");
        return mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }

    /** {@code v} with four significant digits. */
    public static String sig(double v) {
        return sig(v, 4);
    }
}
