package org.flowscape.linalg;

import java.util.Locale;
import org.flowscape.linalg.internal.JavaBlas;
import org.flowscape.linalg.internal.NativeOpenBlas;

/**
 * Chooses the dense linear-algebra backend once per process and exposes it. The native OpenBLAS backend is used
 * when its library loads; otherwise the pure-Java fallback runs and {@link #fallbackReason()} says why. The choice
 * can be forced with the system property {@code flowscape.blas} or the environment variable {@code FLOWSCAPE_BLAS}
 * ({@code native} or {@code java}).
 */
public final class LinearAlgebra {
    private static volatile Blas backend;
    private static volatile String fallbackReason = "";

    private LinearAlgebra() {
    }

    /** The process-wide backend (loaded on first use; loading the native library takes up to a second). */
    public static Blas blas() {
        Blas b = backend;
        if (b == null) {
            synchronized (LinearAlgebra.class) {
                b = backend;
                if (b == null) {
                    b = select();
                    backend = b;
                }
            }
        }
        return b;
    }

    /** The pure-Java backend, whatever the process-wide choice (for tests and comparisons). */
    public static Blas javaBlas() {
        return new JavaBlas();
    }

    /** Why the native backend is not in use, or an empty string when it is. */
    public static String fallbackReason() {
        blas();
        return fallbackReason;
    }

    /**
     * Sets the number of threads native BLAS may use (process-wide). Sweeps set 1 so that parallelism comes from
     * independent runs; no effect on the Java backend.
     */
    public static void setThreads(int threads) {
        if (blas().isNative()) {
            NativeOpenBlas.setThreads(threads);
        }
    }

    /** The number of threads native BLAS uses, or 1 for the Java backend. */
    public static int threads() {
        return blas().isNative() ? NativeOpenBlas.threads() : 1;
    }

    private static Blas select() {
        String wanted = System.getProperty("flowscape.blas", System.getenv().getOrDefault("FLOWSCAPE_BLAS", "auto"))
                .toLowerCase(Locale.ROOT);
        if (wanted.equals("java")) {
            fallbackReason = "pure Java requested (flowscape.blas=java)";
            return new JavaBlas();
        }
        try {
            return NativeOpenBlas.load();
        } catch (Throwable t) {
            if (wanted.equals("native")) {
                throw new IllegalStateException("native OpenBLAS requested but it could not be loaded: " + t, t);
            }
            fallbackReason = "native OpenBLAS unavailable on this platform (" + t.getClass().getSimpleName() + ": "
                    + t.getMessage() + ")";
            return new JavaBlas();
        }
    }
}
