package io.tributary.runtime.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Extracts bundle ZIPs into a work directory, one folder per ZIP. The folder's name holds a hash of the
 * ZIP's path, size and modification time, so an unchanged ZIP is extracted once and reused by every later
 * start, while a replaced one gets a fresh folder. A ZIP is extracted into a staging folder first and moved
 * into place in one step, so a half-extracted bundle is never reused.
 *
 * <p>A bundle is laid out like a Confluent Hub component archive: every entry lies under one top folder,
 * which holds {@code manifest.json} and the plugin's JARs in {@code lib/}. A ZIP with an entry that would
 * land outside that folder ({@code ..} segments, absolute paths) is refused before anything is written.
 */
final class BundleExtractor {

    static final String MANIFEST = "manifest.json";

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");

    private final Path workDirectory;

    /** @param workDirectory where bundles are extracted; created when first needed */
    BundleExtractor(Path workDirectory) {
        this.workDirectory = workDirectory.toAbsolutePath().normalize();
    }

    /** The default work directory: a folder of the current user's under {@code java.io.tmpdir}. */
    static Path defaultWorkDirectory() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "tributary-plugins-" + user);
    }

    /**
     * Extracts a bundle, or finds it extracted by an earlier call for the same unchanged ZIP.
     *
     * @param zip the bundle ZIP
     * @return the bundle's top folder, which holds {@code manifest.json} and {@code lib/}
     * @throws InvalidPluginException if the ZIP is unreadable, is not laid out as a bundle, has an entry that
     *     escapes its folder, or cannot be extracted
     */
    Path extract(Path zip) throws InvalidPluginException {
        Path target = workDirectory.resolve(folderName(zip));
        if (Files.isDirectory(target)) {
            return topFolderOf(target);
        }
        Path staging = null;
        try {
            createWorkDirectory();
            staging = Files.createTempDirectory(workDirectory, "." + target.getFileName() + "-");
            unzip(zip, staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException extractedMeanwhile) {
                // Another worker sharing the work directory extracted the same ZIP first; use its copy.
                deleteTree(staging);
            }
            return topFolderOf(target);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new InvalidPluginException(
                    "cannot be extracted to " + workDirectory + " (" + e
                            + "); check the free space and permissions of the plugin work directory",
                    e);
        } catch (InvalidPluginException e) {
            deleteQuietly(staging);
            throw e;
        }
    }

    private static void unzip(Path zip, Path into) throws InvalidPluginException, IOException {
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zipFile.entries());
            checkLayout(entries, into);
            for (ZipEntry entry : entries) {
                Path out = into.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zipFile.getInputStream(entry)) {
                        Files.copy(in, out);
                    }
                }
            }
        } catch (ZipException e) {
            throw new InvalidPluginException(
                    "is not a readable ZIP file (" + e.getMessage() + "); build or download the bundle again", e);
        }
    }

    /** Refuses, before anything is written, entries that escape the folder and ZIPs not laid out as bundles. */
    private static void checkLayout(List<? extends ZipEntry> entries, Path into) throws InvalidPluginException {
        if (entries.isEmpty()) {
            throw new InvalidPluginException(
                    "is an empty ZIP; a bundle holds one top folder with " + MANIFEST + " and lib/");
        }
        String topFolder = null;
        boolean hasManifest = false;
        for (ZipEntry entry : entries) {
            String name = entry.getName().replace('\\', '/');
            checkStaysInside(entry.getName(), name, into);
            int slash = name.indexOf('/');
            if (slash < 0) {
                throw new InvalidPluginException("has the entry '" + name + "' outside a top folder; a bundle"
                        + " holds one top folder with " + MANIFEST + " and lib/, as the tributary Maven plugin"
                        + " builds it");
            }
            String top = name.substring(0, slash);
            if (topFolder == null) {
                topFolder = top;
            } else if (!topFolder.equals(top)) {
                throw new InvalidPluginException("has more than one top folder ('" + topFolder + "' and '" + top
                        + "'); a bundle holds exactly one, with " + MANIFEST + " and lib/ in it");
            }
            hasManifest |= name.equals(top + "/" + MANIFEST);
        }
        if (!hasManifest) {
            throw new InvalidPluginException("has no " + topFolder + "/" + MANIFEST + "; a bundle's top folder"
                    + " holds " + MANIFEST + " and lib/, as the tributary Maven plugin builds it");
        }
    }

    private static void checkStaysInside(String rawName, String name, Path into) throws InvalidPluginException {
        boolean escapes = name.startsWith("/")
                || DRIVE_LETTER.matcher(name).matches()
                || Stream.of(name.split("/")).anyMatch(".."::equals);
        try {
            escapes |= !into.resolve(name).normalize().startsWith(into);
        } catch (InvalidPathException e) {
            escapes = true;
        }
        if (escapes) {
            throw new InvalidPluginException("is refused: its entry '" + rawName + "' would be written outside"
                    + " the bundle's folder (an absolute path or '..'); rebuild the ZIP with relative paths only");
        }
    }

    private static Path topFolderOf(Path extracted) throws InvalidPluginException {
        try (Stream<Path> children = Files.list(extracted)) {
            List<Path> folders = children.filter(Files::isDirectory).toList();
            if (folders.size() != 1) {
                throw new InvalidPluginException("was extracted to " + extracted + ", which should hold one"
                        + " folder but holds " + folders.size() + "; delete " + extracted + " and restart");
            }
            return folders.get(0);
        } catch (IOException e) {
            throw new InvalidPluginException(
                    "cannot be read back from " + extracted + " (" + e + "); delete " + extracted + " and restart", e);
        }
    }

    private void createWorkDirectory() throws IOException {
        if (Files.isDirectory(workDirectory)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // Only this user may plant JARs that the runtime will later load.
            Files.createDirectories(
                    workDirectory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(workDirectory);
        }
    }

    /** The ZIP's name and a hash of its absolute path, size and modification time. */
    static String folderName(Path zip) throws InvalidPluginException {
        Path absolute = zip.toAbsolutePath().normalize();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new InvalidPluginException("cannot be read (" + e + "); check that it exists and is readable", e);
        }
        String key = absolute + "|" + attributes.size() + "|"
                + attributes.lastModifiedTime().toMillis();
        String fileName = absolute.getFileName().toString();
        String stem = fileName.toLowerCase(Locale.ROOT).endsWith(".zip")
                ? fileName.substring(0, fileName.length() - 4)
                : fileName;
        return stem + "-" + sha256(key).substring(0, 16);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            deleteTree(folder);
        } catch (IOException | UncheckedIOException e) {
            // Only a leftover staging folder, named with a leading dot and never reused.
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.forEach(paths::add);
        }
        paths.sort(Comparator.reverseOrder());
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
