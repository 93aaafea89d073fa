package org.flowscape.spark;

import java.io.Serializable;

import org.flowscape.experiment.Analysis;
import org.flowscape.linalg.LinearAlgebra;

/**
 * What the {@code runs} table records about the machine a run ran on: code version, Java runtime and BLAS backend.
 * Taken on the executor that ran the run (a cluster's machines may differ).
 *
 * @param codeVersion the application's version from its jar manifest, or {@code dev} when not packaged
 * @param jdk the Java runtime, e.g. {@code 17.0.15 (Debian)}
 * @param backend the BLAS backend's name ({@link LinearAlgebra#blas()})
 */
public record Provenance(String codeVersion, String jdk, String backend) implements Serializable {
    /** The provenance of this JVM; loads the BLAS backend if not yet loaded. */
    public static Provenance here() {
        String v = Analysis.class.getPackage().getImplementationVersion();
        return new Provenance(v == null ? "dev" : v,
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                LinearAlgebra.blas().name());
    }
}
