package org.orgraph.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The server-side key token secrets are checked with: what the store keeps of a token is
 * HMAC-SHA256(key, SHA-256(token)), so a row written straight into the database (by anyone who
 * reaches it) is not a valid token without the key, which never enters the graph. The key is
 * {@code orgraph.token-key} (env {@code ORGRAPH_TOKEN_KEY}; several instances on one database
 * must share it), else a file generated beside the store, readable by its owner only.
 */
final class TokenKey {

	static final String FILE = "token-hmac.key";

	private static final int MIN_CONFIGURED_LENGTH = 32;

	private final SecretKeySpec key;

	/** True when the key file was created now (a store that had no key before). */
	private final boolean generated;

	private TokenKey(byte[] key, boolean generated) {
		this.key = new SecretKeySpec(key, "HmacSHA256");
		this.generated = generated;
	}

	static TokenKey load(@Nullable String configured, Path dataDir) {
		if (configured != null && !configured.isBlank()) {
			if (configured.strip().length() < MIN_CONFIGURED_LENGTH) {
				throw new IllegalStateException(
						"orgraph.token-key must have at least " + MIN_CONFIGURED_LENGTH + " characters (use 32 random bytes, base64)");
			}
			return new TokenKey(configured.strip().getBytes(StandardCharsets.UTF_8), false);
		}
		Path file = dataDir.resolve(FILE);
		try {
			Files.createDirectories(dataDir);
			if (Files.exists(file)) {
				return new TokenKey(Base64.getDecoder().decode(Files.readString(file).strip()), false);
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			try {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				Files.createFile(file);
			}
			catch (FileAlreadyExistsException ex) {
				// another process made it between the check and now: use theirs
				return new TokenKey(Base64.getDecoder().decode(Files.readString(file).strip()), false);
			}
			Files.writeString(file, Base64.getEncoder().encodeToString(key));
			return new TokenKey(key, true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the token key " + file, ex);
		}
	}

	boolean generated() {
		return this.generated;
	}

	/** What the store keeps for a token whose SHA-256 (hex) is {@code sha256Hex}. */
	String mac(String sha256Hex) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(sha256Hex.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
