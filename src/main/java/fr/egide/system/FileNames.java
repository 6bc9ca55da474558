package fr.egide.system;

/** File names sent by users, made harmless before they are stored or shown: never a path, never a hidden file. */
public final class FileNames {

    private FileNames() {
    }

    /**
     * The last segment of what the browser or client sent (a client may send a whole path, or a hostile
     * "../../etc/passwd"), with control characters and anything but letters, digits, dot, dash, underscore and
     * space replaced, no leading dot, at most 150 characters; {@code fallback} when nothing is left.
     */
    public static String baseName(String fileName, String fallback) {
        var name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
            .replaceAll("[^\\p{L}\\p{N}._ -]", "_")
            .replaceAll("^[.\\s]+", "")
            .strip();
        if (name.length() > 150) {
            var dot = name.lastIndexOf('.');
            var extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 150 - extension.length()) + extension;
        }
        return name.isEmpty() ? fallback : name;
    }

}
