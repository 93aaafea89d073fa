package org.flowscape.reproduce;

import org.flowscape.experiment.BasinRow;
import org.flowscape.experiment.CriticalPointRow;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;

/**
 * A record sink that writes to another under a name prefix (e.g. {@code p2/}), so that one claim can store several
 * independent problems' metrics, series, spectra and grids side by side. Critical points, basins and the outcome pass
 * through unchanged. Holds no state of its own.
 */
final class Prefixed implements RecordSink {
    private final RecordSink sink;
    private final String prefix;

    Prefixed(RecordSink sink, String prefix) {
        this.sink = sink;
        this.prefix = prefix;
    }

    @Override
    public void outcome(Outcome outcome, String message) {
        sink.outcome(outcome, message);
    }

    @Override
    public void metric(String name, double value) {
        sink.metric(prefix + name, value);
    }

    @Override
    public void series(String name, double[] x, double[] y) {
        sink.series(prefix + name, x, y);
    }

    @Override
    public void spectrum(String name, double[] values, double[] weights) {
        sink.spectrum(prefix + name, values, weights);
    }

    @Override
    public void criticalPoint(CriticalPointRow row) {
        sink.criticalPoint(row);
    }

    @Override
    public void basin(BasinRow row) {
        sink.basin(row);
    }

    @Override
    public void grid(String name, double[] x, double[] y, double[][] values) {
        sink.grid(prefix + name, x, y, values);
    }
}
