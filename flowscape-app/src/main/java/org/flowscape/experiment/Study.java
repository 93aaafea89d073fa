package org.flowscape.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study file as read and validated ({@link StudyFile}); {@link StudyExpander} turns it into runs. Values are
 * kept as written (strings, possibly with {@code {name}} placeholders of sweep variables); numbers are parsed
 * when a run is resolved. Line numbers are kept for messages.
 *
 * @param source the file's name, for messages
 * @param text the file's text as read (stored with the results)
 * @param name the study's name
 * @param seed the study seed every run seed derives from
 * @param problem the problem keys ({@code model}, {@code data}, {@code loss}) shared by every analysis
 * @param analyses the analysis entries, in file order
 * @param sweep each sweep variable's values, in file order
 * @param sweepLines the line of each sweep variable
 * @param seeds the replicate seeds
 * @param tolerances the study-wide tolerances (a run gets those its analysis reads)
 * @param scales the scale presets by name
 */
public record Study(String source, String text, String name, long seed, Map<String, String> problem,
                    List<Entry> analyses, Map<String, List<String>> sweep, Map<String, Integer> sweepLines,
                    List<Long> seeds, Map<String, String> tolerances, Map<String, Scale> scales) {
    public Study {
        problem = Map.copyOf(problem);
        analyses = List.copyOf(analyses);
        sweep = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sweep));
        sweepLines = Map.copyOf(sweepLines);
        seeds = List.copyOf(seeds);
        tolerances = Map.copyOf(tolerances);
        scales = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scales));
    }

    /**
     * One entry of {@code analyses:}.
     *
     * @param id the entry's id, the first part of its runs' keys (defaults to the analysis name)
     * @param analysis the analysis name
     * @param settings the entry's settings as written, problem keys included
     * @param tolerances the entry's own tolerances as written
     * @param line the entry's line
     * @param path the entry's key path, e.g. {@code analyses[1]}
     */
    public record Entry(String id, String analysis, Map<String, String> settings, Map<String, String> tolerances,
                        int line, String path) {
        public Entry {
            settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
            tolerances = Map.copyOf(tolerances);
        }
    }

    /**
     * A scale preset: what it replaces when chosen with {@code --scale NAME}.
     *
     * @param name the preset's name
     * @param sweep replacement values for some sweep variables
     * @param seeds replacement seeds, or null to keep the study's
     * @param tolerances tolerances that override the study's
     * @param settings per entry id, settings that override the entry's
     * @param line the preset's line
     */
    public record Scale(String name, Map<String, List<String>> sweep, List<Long> seeds, Map<String, String> tolerances,
                        Map<String, Map<String, String>> settings, int line) {
    }
}
