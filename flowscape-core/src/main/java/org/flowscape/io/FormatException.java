package org.flowscape.io;

import java.io.IOException;

/**
 * The bytes of a file do not form a valid file of the expected format, or declare more than may be read (a header
 * claiming terabytes, a zip bomb, a negative or overflowing shape, an unknown dtype, data that ends early). The
 * message is one line naming the file and the problem, fit to show a user as is. It is the only exception the readers
 * of this package throw for bad content; plain {@link IOException}s are failures of the file system itself.
 */
public final class FormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the file, the problem and, where there is one, the fix */
    public FormatException(String message) {
        super(message);
    }
}
