package org.flowscape.report;

/** HTML text helpers. */
public final class Html {
    private Html() {
    }

    /**
     * {@code text} escaped for HTML element content and double- or single-quoted attribute values
     * ({@code & < > " '}); null gives the empty string.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Checks that {@code id} can serve as an anchor: letters, digits, '-' and '_', starting with a letter.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String anchor(String id) {
        if (id == null || !id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("anchor id '" + id + "' must start with a letter and hold only "
                    + "letters, digits, '-' and '_'");
        }
        return id;
    }

    /** {@code text} made into an anchor id: runs of other characters become '-', and a leading letter is ensured. */
    public static String slug(String text) {
        String s = text.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "x" + s : s;
    }
}
