/**
 * Reading and writing other tools' files: NumPy {@code .npy} ({@link org.flowscape.io.Npy}) and {@code .npz}
 * ({@link org.flowscape.io.Npz}), safetensors ({@link org.flowscape.io.Safetensors}, f16/bf16 widened exactly by
 * {@link org.flowscape.io.Half}), and the mapping of a PyTorch MLP state dict to a flat θ
 * ({@link org.flowscape.io.MlpStateDict}) or of a {@code layers:} model's {@code nn.Sequential}
 * ({@link org.flowscape.io.LayerStateDict}). Every reader checks what a header declares against the file (and a memory
 * budget) before allocating, streams the data, and reports bad content as one checked
 * {@link org.flowscape.io.FormatException} with a one-line message; nothing else escapes for hostile input.
 * Depends on {@code linalg} and {@code model}; {@code data} builds datasets on it.
 */
package org.flowscape.io;
