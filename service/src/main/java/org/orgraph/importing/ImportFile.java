package org.orgraph.importing;

/** One uploaded file: its name as the user gave it and its raw bytes. */
public record ImportFile(String name, byte[] content) {
}
