/**
 * The {@code local} study executor ({@link org.flowscape.runner.LocalExecutor}) and its progress bar. It sits above
 * both {@code experiment} (plans, runs and the records they write) and {@code store} (where records are committed),
 * so neither of those imports the other's caller: {@code store} reads the row types of {@code experiment}, and
 * {@code experiment} imports nothing from {@code store} (checked by {@code PackageCycleTest}).
 */
package org.flowscape.runner;
