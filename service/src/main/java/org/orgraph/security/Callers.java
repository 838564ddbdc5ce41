package org.orgraph.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, if it came through the token filter. */
public final class Callers {

	private Callers() {
	}

	public static Optional<Caller> current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof Caller caller) {
			return Optional.of(caller);
		}
		return Optional.empty();
	}

	/** For the audit trail: the token's name and id, or "system" for start-up and the command line. */
	public static String describeCurrent() {
		return current().map(c -> c.name() + " [" + c.tokenId() + "]").orElse("system");
	}

}
