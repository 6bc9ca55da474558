package fr.egide.evidence.engine;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;

/** The files of a bundle, whether a directory or a ZIP file, by path with "/" separators. */
public abstract class BundleFiles implements Closeable {

    public abstract List<String> paths() throws IOException;

    /** The file's content, or null when the bundle has no such file. */
    public abstract InputStream open(String path) throws IOException;

    public byte[] read(String path) throws IOException {
        try (var in = open(path)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    public static BundleFiles of(Path bundle) throws IOException {
        if (Files.isDirectory(bundle)) {
            return new Directory(bundle);
        }
        return new Zip(new ZipFile(bundle.toFile()));
    }

    private static final class Directory extends BundleFiles {

        private final Path root;

        Directory(Path root) {
            this.root = root;
        }

        @Override
        public List<String> paths() throws IOException {
            try (var walk = Files.walk(root)) {
                var paths = new ArrayList<String>();
                walk.filter(Files::isRegularFile).forEach(file -> paths.add(root.relativize(file).toString().replace('\\', '/')));
                Collections.sort(paths);
                return paths;
            }
        }

        @Override
        public InputStream open(String path) throws IOException {
            var file = root.resolve(path).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                return null;
            }
            return Files.newInputStream(file);
        }

        @Override
        public void close() {
        }

    }

    private static final class Zip extends BundleFiles {

        private final ZipFile zip;

        Zip(ZipFile zip) {
            this.zip = zip;
        }

        @Override
        public List<String> paths() {
            var paths = new ArrayList<String>();
            zip.stream().filter(entry -> !entry.isDirectory()).forEach(entry -> paths.add(entry.getName()));
            Collections.sort(paths);
            return paths;
        }

        @Override
        public InputStream open(String path) throws IOException {
            var entry = zip.getEntry(path);
            return entry == null || entry.isDirectory() ? null : zip.getInputStream(entry);
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }

    }

}
