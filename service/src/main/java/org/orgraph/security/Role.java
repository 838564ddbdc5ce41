package org.orgraph.security;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A token's role; each includes the ones before it. Viewers read structure and analytics with
 * people's names pseudonymised; analysts also see names; editors import; admins manage tokens
 * and read the audit trail.
 */
public enum Role {

	VIEWER, ANALYST, EDITOR, ADMIN;

	/** Spring Security authorities: {@code ROLE_<this>} and every lower role. */
	List<GrantedAuthority> authorities() {
		return Arrays.stream(values())
			.filter(r -> r.ordinal() <= ordinal())
			.map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
			.toList();
	}

	boolean includes(Role other) {
		return ordinal() >= other.ordinal();
	}

}
