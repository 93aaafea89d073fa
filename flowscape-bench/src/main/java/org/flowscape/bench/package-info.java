/**
 * Benchmarks and peer comparisons: JMH benchmarks ({@code *Benchmark}) for careful numbers, and plain timing mains
 * ({@code *Compare}) run side by side with the Python peers in {@code flowscape-bench/peers/} on identical inputs
 * exported by {@code *Export}. Workloads are defined in {@code docs/BENCHMARKS.md}; each is built once, in Java
 * ({@link org.flowscape.bench.W1Problem}).
 */
package org.flowscape.bench;
