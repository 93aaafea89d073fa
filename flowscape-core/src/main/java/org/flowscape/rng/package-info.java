/**
 * Seeded, derivable random streams ({@link org.flowscape.rng.Seeds}). Every random number in Flowscape comes from a
 * stream derived from (seed, purpose, index). Depends on nothing else in Flowscape.
 */
package org.flowscape.rng;
