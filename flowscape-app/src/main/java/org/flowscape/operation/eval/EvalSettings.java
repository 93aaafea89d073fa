package org.flowscape.operation.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.flowscape.experiment.RunSpec;
import org.flowscape.operation.RunSettings;
import org.flowscape.operation.Tolerances;

/**
 * The settings of the {@code eval} operation: the flags of {@code flowscape eval}, the keys of the {@code eval} study
 * analysis (the flag without dashes; {@code zero-tol} is a study tolerance) and a claim's parameters are this one
 * record, defaults stated once below.
 *
 * @param hessian form the dense Hessian, its spectrum and inertia, and the NTK's extremes
 * @param zeroTol relative zero tolerance of the inertia and of the Jacobian's rank (≥ 0)
 * @param printHessian also keep the dense Hessian itself (printed as a matrix)
 * @param hvp directions v for H·v (each of length P; empty for none)
 * @param jacobian the Jacobian's singular values and rank
 * @param conserved conserved quantities to evaluate (imbalance, neurons, sigmoid)
 */
public record EvalSettings(boolean hessian, double zeroTol, boolean printHessian, List<double[]> hvp,
        boolean jacobian, List<String> conserved) {
    /** The conserved-quantity monitors {@code conserved} may name. */
    public static final List<String> CONSERVED = List.of("imbalance", "neurons", "sigmoid");

    public EvalSettings {
        hvp = hvp.stream().map(double[]::clone).toList();
        conserved = conserved.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** L and ∇L only, at the default tolerance. */
    public static EvalSettings defaults() {
        return new EvalSettings(false, Tolerances.ZERO_TOL_VALUE, false, List.of(), false, List.of());
    }

    /** The study keys with their defaults. */
    public static Map<String, String> studyDefaults() {
        Map<String, String> m = new TreeMap<>();
        m.put("hessian", "false");
        m.put("jacobian", "false");
        m.put("conserved", "");
        return m;
    }

    /** The study tolerances with their defaults. */
    public static Map<String, Double> studyTolerances() {
        return Map.of("zero-tol", Tolerances.ZERO_TOL_VALUE);
    }

    /** The settings of a study run. */
    public static EvalSettings of(RunSpec spec) {
        RunSettings s = RunSettings.of(spec, studyDefaults());
        return new EvalSettings(s.flag("hessian"), spec.tolerances().getOrDefault("zero-tol",
                Tolerances.ZERO_TOL_VALUE), false, List.of(), s.flag("jacobian"), s.list("conserved"));
    }

    /**
     * Checks the settings without the problem.
     *
     * @throws IllegalArgumentException naming the flag and the fix
     */
    public void validate() {
        Tolerances.checkZeroTol(zeroTol);
        for (String c : conserved) {
            if (!CONSERVED.contains(c)) {
                throw new IllegalArgumentException("unknown conserved quantity '" + c + "'; use "
                        + String.join(", ", CONSERVED) + " (comma-separated)");
            }
        }
        for (double[] v : hvp) {
            for (double x : v) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("--hvp vectors must hold finite numbers");
                }
            }
        }
    }
}
