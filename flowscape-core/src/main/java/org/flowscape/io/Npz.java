package org.flowscape.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy {@code .npz} archives: a zip of {@code .npy} files, one per array, named {@code KEY.npy}
 * ({@code numpy.savez} stores them, {@code numpy.savez_compressed} deflates them; both are read). The zip container
 * is {@link java.util.zip.ZipFile}'s; each entry is read by {@link Npy}.
 * <p>
 * Zip bombs are refused before inflating: an entry must declare its size in the central directory, that size may not
 * exceed what DEFLATE can produce from its compressed size (at most 1032:1), it must equal the size its own npy
 * header implies, and all arrays of one archive share one {@link ReadBudget}. At most 4096 entries are read.
 */
public final class Npz {
    /** Most entries an archive may hold. */
    static final int MAX_ENTRIES = 4096;
    /** DEFLATE's largest expansion ratio is 1032:1; anything beyond declares a size that cannot be real. */
    private static final long MAX_RATIO = 1032;

    private Npz() {
    }

    /**
     * Reads every array, keyed by its name without {@code .npy}, in archive order.
     *
     * @throws FormatException for a broken zip, an entry that is not an npy file, a zip bomb or a malformed array
     * @throws IOException     when the file cannot be opened or read
     */
    public static Map<String, NpyArray> read(Path path) throws IOException {
        return read(path, new ReadBudget(path.toString()));
    }

    /** As {@link #read(Path)}, charging every array to {@code budget}. */
    static Map<String, NpyArray> read(Path path, ReadBudget budget) throws IOException {
        String where = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new java.nio.file.NoSuchFileException(where);
        }
        try (ZipFile zip = open(path)) {
            if (zip.size() > MAX_ENTRIES) {
                throw new FormatException(where + ": npz archive has " + zip.size() + " entries, more than "
                        + MAX_ENTRIES + "; the file is corrupt");
            }
            Map<String, NpyArray> out = new LinkedHashMap<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = entryName(e, where);
                String key = name.substring(0, name.length() - 4);
                if (out.containsKey(key)) {
                    throw new FormatException(where + ": npz archive holds '" + name + "' twice; the file is corrupt");
                }
                out.put(key, entry(zip, e, where + "[" + name + "]", budget));
            }
            return out;
        } catch (ZipException e) {
            throw new FormatException(where + " is not a valid npz (zip) archive (" + oneLine(e) + "); save it with "
                    + "numpy.savez");
        }
    }

    private static ZipFile open(Path path) throws IOException {
        try {
            return new ZipFile(path.toFile());
        } catch (IllegalArgumentException e) { // malformed entry names in some JDKs
            throw new ZipException("bad entry name: " + e.getMessage());
        } catch (java.io.EOFException e) { // the end record points past the file
            throw new ZipException("the archive's directory points past its end");
        }
    }

    private static String entryName(ZipEntry e, String where) throws FormatException {
        String name = e.getName();
        if (e.isDirectory() || !name.endsWith(".npy") || name.length() == 4) {
            throw new FormatException(where + ": npz entry '" + name.replaceAll("\\p{Cntrl}", "?") + "' is not an "
                    + "npy array (KEY.npy); save the archive with numpy.savez");
        }
        return name;
    }

    private static NpyArray entry(ZipFile zip, ZipEntry e, String where, ReadBudget budget) throws IOException {
        long size = e.getSize();
        long packed = e.getCompressedSize();
        if (size < 0 || packed < 0) {
            throw new FormatException(where + ": npz entry does not declare its size; the file is corrupt");
        }
        if (e.getMethod() == ZipEntry.DEFLATED && size > packed * MAX_RATIO + 1024) {
            throw new FormatException(where + ": npz entry declares " + size + " bytes from " + packed
                    + " compressed, more than DEFLATE can expand (a zip bomb or a corrupt file)");
        }
        try (InputStream in = zip.getInputStream(e)) {
            NpyArray a = Npy.read(in, size, where, budget);
            if (in.read() >= 0) {
                throw new FormatException(where + ": npz entry holds more bytes than it declares; the file is "
                        + "corrupt");
            }
            return a;
        } catch (FormatException bad) {
            throw bad;
        } catch (IOException inflate) { // the archive opened, so a failure inside an entry is its content's
            throw new FormatException(where + ": npz entry cannot be decompressed (" + oneLine(inflate)
                    + "); the file is corrupt");
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ");
    }

    /**
     * Writes {@code arrays} as a deflated {@code .npz} archive (as {@code numpy.savez_compressed}), each as
     * little-endian float64 {@code KEY.npy}, replacing the file.
     *
     * @throws IllegalArgumentException for an empty key or one containing '/' or a control character
     */
    public static void write(Path path, Map<String, NpyArray> arrays) throws IOException {
        for (String key : arrays.keySet()) {
            if (key.isEmpty() || key.contains("/") || key.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("npz key '" + key + "' is not a plain name; use letters, digits, "
                        + "'_' or '.'");
            }
        }
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(path));
                ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, NpyArray> a : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(a.getKey() + ".npy"));
                Npy.write(zip, a.getValue());
                zip.closeEntry();
            }
        }
    }
}
