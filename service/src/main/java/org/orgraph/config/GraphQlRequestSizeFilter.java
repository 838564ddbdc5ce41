package org.orgraph.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.orgraph.graph.Connection;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a {@code /graphql} body larger than {@code orgraph.graphql.max-request-size} with
 * {@code 413} and code {@code REQUEST_TOO_LARGE} before anything parses it. A body without a
 * length (chunked) is read up to the limit and refused when it goes on.
 */
final class GraphQlRequestSizeFilter extends OncePerRequestFilter {

	private final long maxBytes;

	GraphQlRequestSizeFilter(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			tooLarge(response);
			return;
		}
		if (declared >= 0) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBytes + 1));
		if (body.length > this.maxBytes) {
			tooLarge(response);
			return;
		}
		chain.doFilter(new ReadBody(request, body), response);
	}

	private void tooLarge(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Connection", "close");
		response.getWriter()
			.write("{\"errors\":[{\"code\":\"REQUEST_TOO_LARGE\",\"message\":\"a GraphQL request may be at most "
					+ this.maxBytes + " bytes\"}]}");
	}

	/** The request with its body already read. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

	}

}
