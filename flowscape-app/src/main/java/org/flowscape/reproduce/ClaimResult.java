package org.flowscape.reproduce;

import java.util.List;
import org.flowscape.experiment.RunSpec;
import org.flowscape.report.Figure;

/**
 * One claim's outcome at a scale.
 *
 * @param claim the claim
 * @param scale the scale it ran at
 * @param spec the run: sizes as parameters, the derived seed, the tolerances
 * @param records what the computation wrote
 * @param judgement the verdict and its deciding number
 * @param figures the claim's figures
 * @param seconds wall-clock seconds of computation and verdict
 */
public record ClaimResult(Claim claim, Scale scale, RunSpec spec, Records records, Judgement judgement,
                          List<Figure> figures, double seconds) {
    public ClaimResult {
        figures = List.copyOf(figures);
    }

    /** The verdict. */
    public Verdict verdict() {
        return judgement.verdict();
    }
}
