package app.rapport.domain;

import app.rapport.domain.contact.Contact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The compiled main classes of the domain module, for tests about the module as a whole. */
final class DomainClasses {

    private DomainClasses() {
    }

    static Path directory() {
        try {
            return Path.of(Contact.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Class<?>> all() {
        Path root = directory();
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize)
                        .map(Path::toString)
                        .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.endsWith("package-info.class"))
                        .map(name -> name.substring(0, name.length() - ".class".length()).replace(root.getFileSystem().getSeparator(), "."))
                        .sorted()
                        .<Class<?>>map(DomainClasses::load)
                        .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
