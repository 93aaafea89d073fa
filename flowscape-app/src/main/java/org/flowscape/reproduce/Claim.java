package org.flowscape.reproduce;

import java.util.List;
import java.util.Map;
import org.flowscape.experiment.Analysis;
import org.flowscape.report.Figure;

/**
 * One claim of a paper, reproduced: what it states, where the statement comes from, the sizes it runs at per
 * {@link Scale}, the computation (an {@link Analysis} that writes records) and the verdict, a pure function of the
 * records and explicit tolerances, so that a test can feed it planted records.
 *
 * <p>The computation reads its sizes from the run's parameters ({@link #sizes}) and its tolerances from the run's
 * tolerances ({@link #tolerances}); the runner passes both, so what ran is recorded with the result.
 */
public interface Claim {
    /** The claim's id, e.g. {@code A1}; also the analysis name and the seed purpose. */
    String id();

    /** The paper: {@code A}, {@code B}, {@code C} or {@code D}. */
    default String paper() {
        return id().substring(0, 1);
    }

    /** The statement checked, one or two sentences. */
    String statement();

    /** Where the statement comes from. */
    Basis basis();

    /** What kind of evidence the verdict is: instrument check, consequence or empirical test. */
    Evidence evidence();

    /** The sizes at a scale, as run parameters (e.g. {@code starts=8}). */
    Map<String, String> sizes(Scale scale);

    /** The tolerances the verdict uses (and the computation, where it needs them), with their defaults. */
    Map<String, Double> tolerances();

    /** The computation. */
    Analysis analysis();

    /** The verdict from the records and tolerances (both read only); pure. */
    Judgement judge(Records records, Map<String, Double> tolerances);

    /** The claim's figures, built from its records. */
    List<Figure> figures(Records records);
}
