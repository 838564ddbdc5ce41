package org.orgraph.security;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling: the token's id and name, its role, and the one organisation it is limited
 * to (null: all). {@code anonymous} for the dev profile's open reads.
 */
public record Caller(String tokenId, String name, Role role, @Nullable String organization) {

	static Caller anonymous(Role role) {
		return new Caller("anonymous", "anonymous (dev profile)", role, null);
	}

	public boolean canRead(String org) {
		return this.organization == null || this.organization.equals(org);
	}

}
