package org.flowscape.reproduce;

import java.util.HashMap;
import java.util.Map;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;

/** Runs a claim's computation on planted parameters and judges it with the claim's default tolerances. */
final class Planted {
    private Planted() {
    }

    /** The records of {@code claim} run with its smoke sizes overridden by {@code params}. */
    static Records run(Claim claim, Map<String, String> params) throws Exception {
        Map<String, String> p = new HashMap<>(claim.sizes(Scale.SMOKE));
        p.putAll(params);
        Records r = new Records();
        claim.analysis().run(RunContext.of(new RunSpec("test", claim.id(), p, 7, claim.tolerances())), r);
        return r;
    }

    /** The judgement of {@code claim} run on {@code params}. */
    static Judgement judge(Claim claim, Map<String, String> params) throws Exception {
        return claim.judge(run(claim, params), claim.tolerances());
    }
}
