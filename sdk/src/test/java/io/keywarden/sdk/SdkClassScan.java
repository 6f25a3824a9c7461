package io.keywarden.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The SDK's main classes, found by walking the directory {@link KeywardenClient} was loaded from. */
final class SdkClassScan {
    private SdkClassScan() {
    }

    static List<Class<?>> mainClasses() {
        try {
            Path root = Path.of(KeywardenClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(p -> p.toString().endsWith(".class"))
                        .map(p -> root.relativize(p).toString().replace(java.io.File.separatorChar, '.'))
                        .map(name -> name.substring(0, name.length() - ".class".length()))
                        .sorted()
                        .map(SdkClassScan::load)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SdkClassScan.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
