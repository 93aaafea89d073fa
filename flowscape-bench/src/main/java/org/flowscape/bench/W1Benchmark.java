package org.flowscape.bench;

import java.util.concurrent.TimeUnit;
import org.flowscape.linalg.Blas;
import org.flowscape.linalg.LinearAlgebra;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.objective.EmpiricalRisk;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of workload W1 ({@link W1Problem}): loss and gradient, the dense P × P Hessian through
 * {@link EmpiricalRisk#hessian}, all eigenvalues of a precomputed Hessian, and the DGEMM ceiling probe (C = A·B with
 * 1000 × 1000 matrices, 2·10⁹ flops) so that the fraction of peak comes from the same run.
 *
 * <p>{@code threads} sets the native BLAS thread count per trial ({@link LinearAlgebra#setThreads}); 0 leaves
 * OpenBLAS's default (all cores, or {@code OPENBLAS_NUM_THREADS} when set in the environment, which forks inherit).
 * Run, for instance:
 * <pre>
 * java -jar flowscape-bench/target/flowscape-bench.jar W1Benchmark -p threads=1
 * OPENBLAS_NUM_THREADS=1 java -jar flowscape-bench/target/flowscape-bench.jar W1Benchmark -p threads=0 -f 3
 * </pre>
 * Consecutive calls alternate θ and {@link W1Problem#nudgedTheta()} so that the objective's cache of the last θ
 * never hides work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class W1Benchmark {
    /** Native BLAS threads for this trial; 0 keeps the library default. */
    @Param({"1", "0"})
    public int threads;

    private EmpiricalRisk objective;
    private double[][] points;
    private int next;
    private double[] gradient;
    private double[] hessianOut;
    private Matrix hessian;
    private Blas blas;
    private GemmProbe gemm;

    /** Builds W1 (seeded), sets the BLAS threads and precomputes the Hessian for the eigenvalue benchmark. */
    @Setup(Level.Trial)
    public void setUp() {
        if (threads > 0) {
            LinearAlgebra.setThreads(threads);
        }
        W1Problem problem = W1Problem.create();
        objective = problem.objective();
        points = new double[][] {problem.theta(), problem.nudgedTheta()};
        int p = problem.dim();
        gradient = new double[p];
        hessianOut = new double[p * p];
        hessian = new Matrix(p, p, objective.hessian(problem.theta(), new double[p * p]));
        blas = LinearAlgebra.blas();
        gemm = new GemmProbe();
    }

    private double[] point() {
        next ^= 1;
        return points[next];
    }

    /** L(θ) and ∇L(θ): one forward and one backward pass over n = 1000 samples. */
    @Benchmark
    public double lossAndGradient() {
        return objective.valueAndGradient(point(), gradient);
    }

    /** The dense 1201 × 1201 Hessian (Gauss–Newton part alone is 2nP² ≈ 2.885 GFLOP). */
    @Benchmark
    public double[] denseHessian() {
        return objective.hessian(point(), hessianOut);
    }

    /** All 1201 eigenvalues of the Hessian at θ (LAPACK dsyevd, values only). */
    @Benchmark
    public double[] eigenvalues() {
        return SymmetricEigen.values(hessian).values();
    }

    /** The DGEMM ceiling probe: 1000 × 1000 × 1000, 2·10⁹ flops. */
    @Benchmark
    public double[] dgemmCeiling() {
        return gemm.run(blas);
    }
}
