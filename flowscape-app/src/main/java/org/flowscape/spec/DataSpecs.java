package org.flowscape.spec;

import org.flowscape.data.Dataset;

/** Parses data specs (waiting for the data module's {@code Datasets.parse}). */
final class DataSpecs {
    private DataSpecs() {
    }

    static Dataset parse(String spec) {
        throw new IllegalArgumentException("data spec '" + spec + "' cannot be read: data specs are not available in "
                + "this build yet");
    }
}
