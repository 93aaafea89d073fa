package org.flowscape.experiment;

import org.flowscape.linalg.LinearAlgebra;

/**
 * Where a result was computed, stored with every run ({@code runs.code_version}, {@code jdk}, {@code backend}).
 *
 * @param codeVersion the Flowscape version of the running jar ({@code development} outside a packaged jar)
 * @param jdk the Java runtime, e.g. {@code 17.0.15+6-Debian-1deb12u1 (Debian)}
 * @param backend the dense linear-algebra backend, e.g. {@code openblas} (with the fallback reason, if any)
 */
public record Provenance(String codeVersion, String jdk, String backend) implements java.io.Serializable {
    /** The provenance of this process (loads the BLAS backend on first use). */
    public static Provenance current() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        String jdk = System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                + System.getProperty("java.vendor") + ", " + System.getProperty("os.arch") + ")";
        String fallback = LinearAlgebra.fallbackReason();
        String backend = LinearAlgebra.blas().name() + (fallback.isEmpty() ? "" : " (" + fallback + ")");
        return new Provenance(v == null ? "development" : v, jdk, backend);
    }
}
