package org.orgraph.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.types.Node;
import org.orgraph.graph.OrgraphProperties;
import org.orgraph.graph.Graph;
import org.orgraph.graph.Revisions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Bearer tokens. A token is 32 random bytes shown once at creation; the store keeps only
 * HMAC-SHA256 of its SHA-256 hash under a key kept outside the graph ({@link TokenKey}), so a
 * row written into the database is no token (a fast hash is enough for a secret of 256 random
 * bits: there is nothing to guess). Lookups are cached for a few seconds; revoking clears the
 * cache.
 */
@Service
public class ApiTokens {

	private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

	static final String PREFIX = "ogt_";

	private final Graph graph;

	private final SecureRandom random = new SecureRandom();

	private final Cache<String, Optional<Caller>> byHash = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofSeconds(30))
		.build();

	private final Revisions revisions;

	private final TokenKey key;

	private final Path dataDir;

	ApiTokens(Graph graph, Revisions revisions, OrgraphProperties properties, TokenKey key) {
		this.graph = graph;
		this.revisions = revisions;
		this.dataDir = properties.dataDir();
		this.key = key;
	}

	/** Marks, beside the store, that tokens stored with a plain hash have been keyed. */
	static final String MIGRATED = "token-hmac.migrated";

	/**
	 * Once per store (the mark lives beside it, outside the graph): tokens stored before secrets
	 * were keyed get their HMAC, so they keep working. Rows with a plain hash written after this
	 * are never valid: only the HMAC is looked up.
	 */
	void keyLegacyTokensOnce() {
		Path mark = this.dataDir.resolve(MIGRATED);
		if (Files.exists(mark)) {
			return;
		}
		int keyed = keyLegacyTokens();
		try {
			Files.createDirectories(this.dataDir);
			Files.writeString(mark, "tokens keyed with " + TokenKey.FILE + " or orgraph.token-key: " + keyed + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + mark, ex);
		}
		if (keyed > 0) {
			log.info("Keyed {} API token(s) stored with a plain hash", keyed);
		}
	}

	/** Gives every token stored with a plain SHA-256 hash its HMAC; how many there were. */
	int keyLegacyTokens() {
		List<Map<String, String>> legacy = this.graph.read("security/legacy-token-hashes", Map.of(),
				r -> Map.of("id", r.get("id").asString(), "hash", r.get("hash").asString()));
		for (Map<String, String> token : legacy) {
			this.graph.write("security/key-token-hash", Map.of("id", token.get("id"), "mac", this.key.mac(token.get("hash"))));
		}
		this.byHash.invalidateAll();
		return legacy.size();
	}

	/** An organisation's key, as imports accept it. */
	private static final Pattern ORG_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	/** A token as an admin sees it: never the secret or its hash. */
	public record TokenInfo(String id, String name, Role role, @Nullable String organization, String createdAt,
			@Nullable String revokedAt, @Nullable String expiresAt) {
	}

	/** The longest lifetime a token may be given, in days (about ten years). */
	static final int MAX_EXPIRES_IN_DAYS = 3650;

	/** A caller that expires asked for a token that would work longer than itself; nothing was created. */
	public static final class OutlivesCallerException extends RuntimeException {

		OutlivesCallerException(String message) {
			super(message);
		}

	}

	/** A newly created token with its secret, which is never shown again. */
	public record CreatedToken(String token, TokenInfo info) {
	}

	/** A token that never expires ({@link #create(String, Role, String, Integer)}). */
	public CreatedToken create(String name, Role role, @Nullable String organization) {
		return create(name, role, organization, null);
	}

	/**
	 * Creates a token for the current caller, who may not mint one broader or longer-lived than
	 * itself: a role above its own is refused, a caller limited to one organisation creates only
	 * tokens limited to that organisation, and a caller that expires creates only tokens that
	 * expire no later than itself ({@link OutlivesCallerException}). The organisation must exist
	 * (and be visible to the caller: for a limited caller the others do not exist).
	 * {@code expiresInDays}: 1–{@value #MAX_EXPIRES_IN_DAYS}, or null for a token that never expires.
	 */
	public CreatedToken create(String name, Role role, @Nullable String organization, @Nullable Integer expiresInDays) {
		Optional<Caller> caller = Callers.current();
		if (caller.isPresent() && !caller.get().role().includes(role)) {
			throw new AccessDeniedException("a " + caller.get().role() + " token cannot create a " + role + " token");
		}
		if (caller.isPresent() && caller.get().organization() != null && organization == null) {
			throw new AccessDeniedException("this token is limited to one organisation; a token it creates must be "
					+ "limited to the same organisation");
		}
		if (name.isBlank() || name.length() > 200) {
			throw new IllegalArgumentException("a token needs a name of 1–200 characters");
		}
		// JSON can carry half a surrogate pair ("\ud800"); stored as UTF-8 it would come back as '?'
		CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder();
		if (!utf8.canEncode(name) || (organization != null && !utf8.canEncode(organization))) {
			throw new IllegalArgumentException("a token's name and organization must be Unicode text, "
					+ "without half a surrogate pair");
		}
		if (organization != null) {
			if (!ORG_KEY.matcher(organization).matches()) {
				throw new IllegalArgumentException("organization must be an organisation's key: 1–64 ASCII letters, digits, "
						+ "'.', '_' or '-', starting with a letter or digit");
			}
			if (this.revisions.organization(organization).isEmpty()) {
				throw new IllegalArgumentException("there is no organisation " + organization);
			}
		}
		if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_EXPIRES_IN_DAYS)) {
			throw new IllegalArgumentException(
					"expiresInDays must be between 1 and " + MAX_EXPIRES_IN_DAYS + " (or null: never), got " + expiresInDays);
		}
		Instant now = Instant.now();
		@Nullable Instant expiresAt = expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays));
		@Nullable Instant callerExpiresAt = caller.map(Caller::expiresAt).orElse(null);
		if (callerExpiresAt != null && (expiresAt == null || expiresAt.isAfter(callerExpiresAt))) {
			long days = Duration.between(now, callerExpiresAt).toDays();
			throw new OutlivesCallerException("this token expires at " + callerExpiresAt + "; a token it creates must "
					+ "expire no later: give expiresInDays of at most " + days
					+ (days < 1 ? " (none is left: ask a token that lives longer)" : ""));
		}
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Map<String, Object> params = new HashMap<>();
		params.put("id", UUID.randomUUID().toString());
		params.put("name", name.strip());
		params.put("mac", this.key.mac(hash(token)));
		params.put("role", role.name());
		params.put("organization", organization);
		params.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
		TokenInfo info = this.graph.write("security/create-api-token", params, r -> info(r.get("t").asNode())).getFirst();
		return new CreatedToken(token, info);
	}

	/** Makes {@code token} a valid admin token (from {@code ORGRAPH_ADMIN_TOKEN}). */
	void bootstrapAdmin(String token) {
		if (token.length() < 16) {
			throw new IllegalStateException("ORGRAPH_ADMIN_TOKEN must be at least 16 characters");
		}
		this.graph.write("security/bootstrap-admin-token", Map.of("mac", this.key.mac(hash(token))));
		this.byHash.invalidateAll();
	}

	/** The tokens the current caller may see: all, or for a limited caller those limited to its organisation. */
	public List<TokenInfo> list() {
		return this.graph.read("security/api-tokens", limitOf(Map.of()), r -> info(r.get("t").asNode()));
	}

	/** Revokes a token the current caller may see (as {@link #list()}); empty when there is none. */
	public Optional<TokenInfo> revoke(String id) {
		Optional<TokenInfo> revoked = this.graph.write("security/revoke-api-token", limitOf(Map.of("id", id)),
				r -> info(r.get("t").asNode()))
			.stream()
			.findFirst();
		this.byHash.invalidateAll();
		return revoked;
	}

	/** The caller of a live token; empty for an unknown, revoked or expired one (checked on every request, cached or not). */
	Optional<Caller> authenticate(String token) {
		String mac = this.key.mac(hash(token));
		return this.byHash.get(mac, h -> this.graph.read("security/token-by-mac", Map.of("mac", h), r -> {
			Node t = r.get("t").asNode();
			return new Caller(t.get("id").asString(), t.get("name").asString(), Role.valueOf(t.get("role").asString()),
					t.get("organization").asString(null),
					t.get("expiresAt").computeOrDefault(v -> v.asZonedDateTime().toInstant(), null));
		}).stream().findFirst()).filter(caller -> !caller.expiredAt(Instant.now()));
	}

	/** {@code parameters} and {@code $organization}: the current caller's limit (null: none). */
	static Map<String, Object> limitOf(Map<String, Object> parameters) {
		Map<String, Object> params = new HashMap<>(parameters);
		params.put("organization", Callers.current().map(Caller::organization).orElse(null));
		return params;
	}

	private static TokenInfo info(Node t) {
		return new TokenInfo(t.get("id").asString(), t.get("name").asString(), Role.valueOf(t.get("role").asString()),
				t.get("organization").asString(null),
				t.get("createdAt").asZonedDateTime().toString(),
				t.get("revokedAt").computeOrDefault(v -> v.asZonedDateTime().toString(), null),
				t.get("expiresAt").computeOrDefault(v -> v.asZonedDateTime().toString(), null));
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
