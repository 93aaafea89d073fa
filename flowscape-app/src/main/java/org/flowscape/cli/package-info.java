/**
 * The {@code flowscape} command line (picocli). {@link org.flowscape.cli.Main} registers the subcommands;
 * {@link org.flowscape.cli.ProblemOptions} is the shared {@code --problem/--model/--data/--loss/--params/--seed}
 * mixin, {@link org.flowscape.operation.JsonOutput} prints the {@code --json} documents and
 * {@link org.flowscape.cli.ErrorHandler} turns failures into exit codes ({@link org.flowscape.cli.ExitCodes}).
 * Commands only parse arguments, call an operation ({@code org.flowscape.operation}) and print with its renderer.
 */
package org.flowscape.cli;
