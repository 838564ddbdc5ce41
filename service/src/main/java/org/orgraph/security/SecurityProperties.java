package org.orgraph.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code orgraph.admin-token} (env {@code ORGRAPH_ADMIN_TOKEN}) bootstraps an admin token;
 * {@code orgraph.security.anonymous-role} lets requests without a token in with that role —
 * for local use only (the {@code dev} profile sets it, and start-up says so loudly).
 */
@ConfigurationProperties("orgraph.security")
record SecurityProperties(@Nullable Role anonymousRole) {
}
