package org.flowscape.spec;

import java.nio.file.Path;

/** Reads a .npy parameter file (waiting for the data module's {@code Npy} reader). */
final class NpyParams {
    private NpyParams() {
    }

    static double[] read(Path file) {
        throw new IllegalArgumentException("reading .npy params (" + file + ") is not available in this build yet; "
                + "use a JSON array instead");
    }
}
