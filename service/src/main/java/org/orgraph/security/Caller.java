package org.orgraph.security;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling: the token's id and name, its role, the one organisation it is limited to
 * (null: all) and when it stops working (null: never). {@code anonymous} for the dev
 * profile's open reads.
 */
public record Caller(String tokenId, String name, Role role, @Nullable String organization,
		@Nullable Instant expiresAt) {

	static Caller anonymous(Role role) {
		return new Caller("anonymous", "anonymous (dev profile)", role, null, null);
	}

	/** Whether the token has stopped working at {@code now}. */
	boolean expiredAt(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

	public boolean canRead(String org) {
		return this.organization == null || this.organization.equals(org);
	}

}
