package org.flowscape.dynamics;

import java.util.Arrays;

/**
 * The coefficients of an explicit embedded Runge–Kutta pair with first-same-as-last (FSAL) stage and a continuous
 * extension, as data for {@code EmbeddedRungeKutta}. Stages are numbered from 0 (the derivative at the step's start);
 * the last step stage is evaluated at y1 itself (its row of {@code a} equals {@code b}), so the next step starts from
 * it without a new evaluation.
 * <pre>
 *   k_s = f(t0 + c_s h, y0 + h Σ_{l&lt;s} a_sl k_l),   y1 = y0 + h Σ b_l k_l
 *   error (one estimator):  e = h Σ e1_l k_l,                    ‖e / tol‖_RMS
 *   error (two, DOP853):    E1 = Σ e1_l k_l, E2 = Σ e2_l k_l,      |h| ‖E1‖² / √(P (‖E1‖² + 0.01 ‖E2‖²))
 *   dense output at θ = (t − t0)/h:  y0 + Σ_s (Σ_r f_r(θ) D_rs) k_s  (θ ≤ ½),
 *                                    y1 + Σ_s (Σ_r g_r(θ) D_rs) k_s  (θ &gt; ½)
 *   f_0 = θh, f_{2i+1} = f_{2i}(1 − θ), f_{2i+2} = f_{2i+1}θ;   g_0 = −(1 − θ)h, g_1 = −g_0θ, then as f
 * </pre>
 * The dense output may need stages beyond the step's ({@code stepStages} ≤ s &lt; c.length): they are computed only
 * when a step is interpolated. Norms use tol_i = atol + rtol·max(|y0_i|, |y1_i|).
 *
 * <p>The constructor checks the simplifying condition Σ_l a_sl = c_s for every stage, the quadrature conditions
 * Σ b_l c_l^(q−1) = 1/q up to the declared order, that each error estimator's weights sum to zero, that the FSAL
 * row equals b, and that the dense output reproduces y1 at θ = 1 (Σ_r D_rs over the f basis at θ = 1 equals b_s), so
 * a mistyped coefficient fails at class load.
 *
 * @param name       short name, e.g. {@code dop853}
 * @param order      the order of y1 (sets the step-size exponent −1/order)
 * @param stepStages number of stages of a step, FSAL stage included
 * @param c          nodes of all stages, step and dense (copied)
 * @param a          rows of all stages, row s of length s (copied)
 * @param b          weights of y1, length stepStages (copied)
 * @param e1         first error weights, length stepStages (copied)
 * @param e2         second error weights (DOP853's 3rd-order estimator), length stepStages, or empty (copied)
 * @param dense      continuous-extension rows D, each of length c.length (copied)
 */
public record ExplicitTableau(String name, int order, int stepStages, double[] c, double[][] a, double[] b,
        double[] e1, double[] e2, double[][] dense) {

    /** Conditions must hold to this absolute residual (the coefficients are rationals or surds in √6). */
    static final double CONDITION_TOLERANCE = 1e-12;
    private static final double SQRT6 = Math.sqrt(6.0);

    /**
     * Dormand–Prince 5(4) (J. R. Dormand, P. J. Prince, J. Comput. Appl. Math. 6 (1980) 19–26) with Shampine's
     * 4th-order continuous extension (Math. Comp. 46 (1986) 135–150): 7 stages, 6 new derivatives per step.
     */
    public static final ExplicitTableau DOPRI5 = dopri5();

    /**
     * Dormand–Prince 8(5,3) (Hairer, Nørsett &amp; Wanner, Solving ODEs I, §II.10, the code DOP853): 13 stages, 12 new
     * derivatives per step, the combined 5th/3rd-order error estimate, and the 7th-order continuous extension with
     * 3 further stages (computed only when a step is interpolated).
     */
    public static final ExplicitTableau DOP853 = dop853();

    public ExplicitTableau {
        int s = c.length;
        if (a.length != s || stepStages < 2 || stepStages > s || b.length != stepStages || e1.length != stepStages
                || (e2.length != 0 && e2.length != stepStages) || dense.length == 0) {
            throw new IllegalArgumentException("tableau " + name + ": inconsistent stage counts");
        }
        c = c.clone();
        a = Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
        b = b.clone();
        e1 = e1.clone();
        e2 = e2.clone();
        dense = Arrays.stream(dense).map(double[]::clone).toArray(double[][]::new);
        check(name, order, stepStages, c, a, b, e1, e2, dense);
    }

    /** Number of stages, step and dense output together. */
    public int stages() {
        return c.length;
    }

    /** True when the tableau uses DOP853's combined two-estimator error norm. */
    boolean twoEstimators() {
        return e2.length != 0;
    }

    private static void check(String name, int order, int stepStages, double[] c, double[][] a, double[] b,
            double[] e1, double[] e2, double[][] dense) {
        for (int s = 0; s < c.length; s++) {
            if (a[s].length != s || denseWidth(dense) != c.length) {
                fail(name, "row " + s + " of a must have " + s + " entries and D rows " + c.length);
            }
            double sum = 0;
            for (double v : a[s]) {
                sum += v;
            }
            require(name, Math.abs(sum - c[s]) <= CONDITION_TOLERANCE, "row sum of a differs from c at stage " + s);
        }
        for (int q = 1; q <= order; q++) {
            double sum = 0;
            for (int l = 0; l < stepStages; l++) {
                sum += b[l] * Math.pow(c[l], q - 1);
            }
            require(name, Math.abs(sum - 1.0 / q) <= CONDITION_TOLERANCE, "quadrature condition of order " + q);
        }
        require(name, Math.abs(Arrays.stream(e1).sum()) <= CONDITION_TOLERANCE, "e1 must sum to zero");
        require(name, Math.abs(Arrays.stream(e2).sum()) <= CONDITION_TOLERANCE, "e2 must sum to zero");
        int fsal = stepStages - 1;
        require(name, c[fsal] == 1 && b[fsal] == 0 && Arrays.equals(a[fsal], Arrays.copyOf(b, fsal)),
                "the last step stage must be first-same-as-last (row = b, c = 1, b = 0)");
        for (int s = 0; s < c.length; s++) {
            double atOne = dense[0][s];
            double bs = s < stepStages ? b[s] : 0;
            require(name, Math.abs(atOne - bs) <= CONDITION_TOLERANCE, "dense output at theta = 1, stage " + s);
        }
    }

    private static int denseWidth(double[][] dense) {
        return dense[0].length;
    }

    private static void require(String name, boolean ok, String what) {
        if (!ok) {
            fail(name, what);
        }
    }

    private static void fail(String name, String what) {
        throw new IllegalArgumentException("tableau " + name + ": " + what + "; check its coefficients");
    }

    private static ExplicitTableau dopri5() {
        double[] c = {0, 1.0 / 5.0, 3.0 / 10.0, 4.0 / 5.0, 8.0 / 9.0, 1.0, 1.0};
        double[][] a = {{}, {1.0 / 5.0}, {3.0 / 40.0, 9.0 / 40.0}, {44.0 / 45.0, -56.0 / 15.0, 32.0 / 9.0},
            {19372.0 / 6561.0, -25360.0 / 2187.0, 64448.0 / 6561.0, -212.0 / 729.0},
            {9017.0 / 3168.0, -355.0 / 33.0, 46732.0 / 5247.0, 49.0 / 176.0, -5103.0 / 18656.0},
            {35.0 / 384.0, 0.0, 500.0 / 1113.0, 125.0 / 192.0, -2187.0 / 6784.0, 11.0 / 84.0}};
        double[] b = {35.0 / 384.0, 0.0, 500.0 / 1113.0, 125.0 / 192.0, -2187.0 / 6784.0, 11.0 / 84.0, 0.0};
        double[] e = {71.0 / 57600.0, 0.0, -71.0 / 16695.0, 71.0 / 1920.0, -17253.0 / 339200.0, 22.0 / 525.0,
            -1.0 / 40.0};
        // Shampine's extension in the alternating basis f_0..f_3: rows b, −(b − δ_0), 2b − (δ_0 + δ_6), d
        double[] d = {-12715105075.0 / 11282082432.0, 0.0, 87487479700.0 / 32700410799.0,
            -10690763975.0 / 1880347072.0, 701980252875.0 / 199316789632.0, -1453857185.0 / 822651844.0,
            69997945.0 / 29380423.0};
        double[][] dense = new double[4][7];
        for (int s = 0; s < 7; s++) {
            double delta0 = s == 0 ? 1 : 0;
            double delta06 = s == 0 || s == 6 ? 1 : 0;
            dense[0][s] = b[s];
            dense[1][s] = -(b[s] - delta0);
            dense[2][s] = 2 * b[s] - delta06;
            dense[3][s] = d[s];
        }
        return new ExplicitTableau("dopri5", 5, 7, c, a, b, e, new double[0], dense);
    }

    private static ExplicitTableau dop853() {
        double r = SQRT6;
        double[] c = {0, (12.0 - 2.0 * r) / 135.0, (6.0 - r) / 45.0, (6.0 - r) / 30.0, (6.0 + r) / 30.0, 1.0 / 3.0,
            1.0 / 4.0, 4.0 / 13.0, 127.0 / 195.0, 3.0 / 5.0, 6.0 / 7.0, 1.0, 1.0, 1.0 / 10.0, 1.0 / 5.0, 7.0 / 9.0};
        double[] b = {104257.0 / 1920240.0, 0.0, 0.0, 0.0, 0.0, 3399327.0 / 763840.0, 66578432.0 / 35198415.0,
            -1674902723.0 / 288716400.0, 54980371265625.0 / 176692375811392.0, -734375.0 / 4826304.0,
            171414593.0 / 851261400.0, 137909.0 / 3084480.0, 0.0};
        double[][] a = {{}, {(12.0 - 2.0 * r) / 135.0}, {(6.0 - r) / 180.0, (6.0 - r) / 60.0},
            {(6.0 - r) / 120.0, 0.0, (6.0 - r) / 40.0},
            {(462.0 + 107.0 * r) / 3000.0, 0.0, (-402.0 - 197.0 * r) / 1000.0, (168.0 + 73.0 * r) / 375.0},
            {1.0 / 27.0, 0.0, 0.0, (16.0 + r) / 108.0, (16.0 - r) / 108.0},
            {19.0 / 512.0, 0.0, 0.0, (118.0 + 23.0 * r) / 1024.0, (118.0 - 23.0 * r) / 1024.0, -9.0 / 512.0},
            {13772.0 / 371293.0, 0.0, 0.0, (51544.0 + 4784.0 * r) / 371293.0, (51544.0 - 4784.0 * r) / 371293.0,
                -5688.0 / 371293.0, 3072.0 / 371293.0},
            {58656157643.0 / 93983540625.0, 0.0, 0.0, (-1324889724104.0 - 318801444819.0 * r) / 626556937500.0,
                (-1324889724104.0 + 318801444819.0 * r) / 626556937500.0, 96044563816.0 / 3480871875.0,
                5682451879168.0 / 281950621875.0, -165125654.0 / 3796875.0},
            {8909899.0 / 18653125.0, 0.0, 0.0, (-4521408.0 - 1137963.0 * r) / 2937500.0,
                (-4521408.0 + 1137963.0 * r) / 2937500.0, 96663078.0 / 4553125.0, 2107245056.0 / 137915625.0,
                -4913652016.0 / 147609375.0, -78894270.0 / 3880452869.0},
            {-20401265806.0 / 21769653311.0, 0.0, 0.0, (354216.0 + 94326.0 * r) / 112847.0,
                (354216.0 - 94326.0 * r) / 112847.0, -43306765128.0 / 5313852383.0,
                -20866708358144.0 / 1126708119789.0, 14886003438020.0 / 654632330667.0,
                35290686222309375.0 / 14152473387134411.0, -1477884375.0 / 485066827.0},
            {39815761.0 / 17514443.0, 0.0, 0.0, (-3457480.0 - 960905.0 * r) / 551636.0,
                (-3457480.0 + 960905.0 * r) / 551636.0, -844554132.0 / 47026969.0, 8444996352.0 / 302158619.0,
                -2509602342.0 / 877790785.0, -28388795297996250.0 / 3199510091356783.0, 226716250.0 / 18341897.0,
                1371316744.0 / 2131383595.0},
            Arrays.copyOf(b, 12),
            {13481885573.0 / 240030000000.0, 0.0, 0.0, 0.0, 0.0, 0.0, 139418837528.0 / 549975234375.0,
                -11108320068443.0 / 45111937500000.0, -1769651421925959.0 / 14249385146080000.0,
                57799439.0 / 377055000.0, 793322643029.0 / 96734250000000.0, 1458939311.0 / 192780000000.0,
                -4149.0 / 500000.0},
            {1595561272731.0 / 50120273500000.0, 0.0, 0.0, 0.0, 0.0, 975183916491.0 / 34457688031250.0,
                38492013932672.0 / 718912673015625.0, -1114881286517557.0 / 20298710767500000.0, 0.0, 0.0,
                -2538710946863.0 / 23431227861250000.0, 8824659001.0 / 23066716781250.0,
                -11518334563.0 / 33831184612500.0, 1912306948.0 / 13532473845.0},
            {-13613986967.0 / 31741908048.0, 0.0, 0.0, 0.0, 0.0, -4755612631.0 / 1012344804.0,
                42939257944576.0 / 5588559685701.0, 77881972900277.0 / 19140370552944.0,
                22719829234375.0 / 63689648654052.0, 0.0, 0.0, 0.0, -1199007803.0 / 857031517296.0,
                157882067000.0 / 53564469831.0, -290468882375.0 / 31741908048.0}};
        double[] e1 = {116092271.0 / 8848465920.0, 0, 0, 0, 0, -1871647.0 / 1527680.0, -69799717.0 / 140793660.0,
            1230164450203.0 / 739113984000.0, -1980813971228885.0 / 5654156025964544.0, 464500805.0 / 1389975552.0,
            1606764981773.0 / 19613062656000.0, -137909.0 / 6168960.0, 0};
        double[] e2 = {-364463.0 / 1920240.0, 0, 0, 0, 0, 3399327.0 / 763840.0, 66578432.0 / 35198415.0,
            -1674902723.0 / 288716400.0, -74684743568175.0 / 176692375811392.0, -734375.0 / 4826304.0,
            171414593.0 / 851261400.0, 69869.0 / 3084480.0, 0};
        return new ExplicitTableau("dop853", 8, 13, c, a, b, e1, e2, dop853Dense());
    }

    /** The 7 × 16 continuous-extension weights of DOP853 (Hairer's CONTD8, in the alternating basis). */
    private static double[][] dop853Dense() {
        return new double[][] {
            {104257.0 / 1920240.0, 0, 0, 0, 0, 3399327.0 / 763840.0, 66578432.0 / 35198415.0,
                -1674902723.0 / 288716400.0, 54980371265625.0 / 176692375811392.0, -734375.0 / 4826304.0,
                171414593.0 / 851261400.0, 137909.0 / 3084480.0, 0, 0, 0, 0},
            {1815983.0 / 1920240.0, 0, 0, 0, 0, -3399327.0 / 763840.0, -66578432.0 / 35198415.0,
                1674902723.0 / 288716400.0, -54980371265625.0 / 176692375811392.0, 734375.0 / 4826304.0,
                -171414593.0 / 851261400.0, -137909.0 / 3084480.0, 0, 0, 0, 0},
            {-855863.0 / 960120.0, 0, 0, 0, 0, 3399327.0 / 381920.0, 133156864.0 / 35198415.0,
                -1674902723.0 / 144358200.0, 54980371265625.0 / 88346187905696.0, -734375.0 / 2413152.0,
                171414593.0 / 425630700.0, 137909.0 / 1542240.0, -1.0, 0, 0, 0},
            {-17751989329.0 / 2106076560.0, 0, 0, 0, 0, 4272954039.0 / 7539864640.0,
                -118476319744.0 / 38604839385.0, 755123450731.0 / 316657731600.0,
                3692384461234828125.0 / 1744130441634250432.0, -4612609375.0 / 5293382976.0,
                2091772278379.0 / 933644586600.0, 2136624137.0 / 3382989120.0, -126493.0 / 1421424.0,
                98350000.0 / 5419179.0, -18878125.0 / 2053168.0, -1944542619.0 / 438351368.0},
            {32941697297.0 / 3159114840.0, 0, 0, 0, 0, 456696183123.0 / 1884966160.0,
                19132610714624.0 / 115814518155.0, -177904688592943.0 / 474986597400.0,
                -4821139941836765625.0 / 218016305204281304.0, 30702015625.0 / 3970037232.0,
                -85916079474274.0 / 2800933759800.0, -5919468007.0 / 634310460.0, 2479159.0 / 157936.0,
                -18750000.0 / 602131.0, -19203125.0 / 2053168.0, 15700361463.0 / 438351368.0},
            {12627015655.0 / 631822968.0, 0, 0, 0, 0, -72955222965.0 / 188496616.0,
                -13145744952320.0 / 69488710893.0, 30084216194513.0 / 56998391688.0,
                -296858761006640625.0 / 25648977082856624.0, 569140625.0 / 82709109.0,
                -18684190637.0 / 18672891732.0, 69644045.0 / 89549712.0, -11847025.0 / 4264272.0,
                -978650000.0 / 16257537.0, 519371875.0 / 6159504.0, 5256837225.0 / 438351368.0},
            {-450944925.0 / 17550638.0, 0, 0, 0, 0, -14532122925.0 / 94248308.0, -595876966400.0 / 2573655959.0,
                188748653015.0 / 527762886.0, 2545485458115234375.0 / 27252038150535163.0,
                -1376953125.0 / 36759604.0, 53995596795.0 / 518691437.0, 210311225.0 / 7047894.0,
                -1718875.0 / 39484.0, 58000000.0 / 602131.0, -1546875.0 / 39484.0, -1262172375.0 / 8429834.0}};
    }
}
