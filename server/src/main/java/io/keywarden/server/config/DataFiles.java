package io.keywarden.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files in the data folder: the folder is 0700, secret files 0600 from the moment they exist. */
public final class DataFiles {
    private static final Set<PosixFilePermission> DIR_0700 = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_0600 = PosixFilePermissions.fromString("rw-------");

    private DataFiles() {
    }

    /** Creates the folder (and its parents) when missing; a new folder is readable by its owner only. */
    public static Path ensureDirectory(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                return dir;
            }
            if (posix(existingAncestor(dir))) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_0700));
            } else {
                Files.createDirectories(dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dir, e);
        }
    }

    /**
     * Writes {@code content} to {@code file} atomically with mode 0600: a temporary file created with that mode in
     * the same folder, then moved over the target.
     */
    public static void writeSecretFile(Path file, String content) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            FileAttribute<?>[] attrs = posix(dir)
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_0600)}
                    : new FileAttribute<?>[0];
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attrs);
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    private static Path existingAncestor(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? dir.toAbsolutePath().getRoot() : p;
    }

    private static boolean posix(Path anyExisting) {
        return anyExisting != null
                && anyExisting.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
