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

    /** Longest message kept; a hostile header quoted in a message could otherwise be megabytes. */
    private static final int MAX_MESSAGE = 600;

    /**
     * @param message one line naming the file, the problem and, where there is one, the fix; control characters
     *                (from quoted file content) become '?' and anything past 600 characters is cut
     */
    public FormatException(String message) {
        super(clean(message));
    }

    private static String clean(String message) {
        StringBuilder b = new StringBuilder(Math.min(message.length(), MAX_MESSAGE + 3));
        for (int i = 0; i < message.length() && i < MAX_MESSAGE; i++) {
            char c = message.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return message.length() > MAX_MESSAGE ? b.append("...").toString() : b.toString();
    }
}
