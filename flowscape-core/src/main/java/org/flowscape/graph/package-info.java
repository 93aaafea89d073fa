/**
 * The loss landscape as a graph (theory: Wales, <i>Energy Landscapes</i>, 2003): minima and transition states
 * (index-1 saddles) joined by edges minimum–TS–minimum, found by basin hopping ({@link BasinHopping}), the
 * doubly-nudged elastic band ({@link ElasticBand}), hybrid eigenvector-following ({@link SaddleSearch}) and checked
 * steepest-descent quenches ({@link Quench}); barriers along the graph ({@link Barriers}), the disconnectivity tree
 * ({@link DisconnectivityTree}) and kinetic rates by graph transformation ({@link Rates},
 * {@link GraphTransformation}). The entry point is {@link LandscapeSearch#run}. Consumes only
 * {@link org.flowscape.objective.Objective} and the analysis package (spectra, Lanczos, certification, canonical
 * forms); knows nothing of the CLI, the store or plots.
 */
package org.flowscape.graph;
