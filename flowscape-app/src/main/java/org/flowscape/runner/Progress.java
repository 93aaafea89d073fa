package org.flowscape.runner;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowscape.experiment.Outcome;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The sweep's progress bar on the terminal (me.tongfei progressbar: runs done of total, rate, ETA, and a count
 * of the runs that did not end {@code ok}); silent when disabled or when stderr is not a terminal. Thread-safe.
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * Starts a bar for {@code total} runs of which {@code done} are already stored.
     *
     * @param enabled false to stay silent whatever the terminal
     */
    static Progress start(String study, int total, int done, boolean enabled) {
        if (!enabled || System.console() == null) {
            return new Progress(null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(study).setInitialMax(total)
                .startsFrom(done, Duration.ZERO).setStyle(ProgressBarStyle.ASCII).setUnit(" runs", 1)
                .showSpeed().setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS).build();
        return new Progress(bar);
    }

    /** One more run finished with {@code outcome}. */
    synchronized void finished(Outcome outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
        if (bar != null) {
            bar.step();
            String notOk = outcomes.entrySet().stream().filter(e -> e.getKey() != Outcome.OK)
                    .map(e -> e.getValue() + " " + e.getKey().column()).collect(Collectors.joining(", "));
            bar.setExtraMessage(notOk.isEmpty() ? "" : " " + notOk); // the bar prints it right after "runs/s"
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
