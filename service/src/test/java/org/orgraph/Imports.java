package org.orgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: imports through the real HTTP endpoint and reads the answer as JSON. */
public final class Imports {

	/** The DFID organogram published for March 2013 (senior and junior file), in {@code uk-organograms/}. */
	public static final String DFID_MARCH = "department_for_international_development-2013-03-31";

	/** The DFID organogram published for September 2013. */
	public static final String DFID_SEPTEMBER = "department_for_international_development-2013-09-30";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final WebTestClient http;

	public Imports(WebTestClient http) {
		this.http = http;
	}

	/** An answer: HTTP status and JSON body. */
	public record Answer(int status, Map<String, Object> body) {

		@SuppressWarnings("unchecked")
		public List<Map<String, Object>> errors() {
			return (List<Map<String, Object>>) this.body.get("errors");
		}

		@SuppressWarnings("unchecked")
		public List<Map<String, Object>> warnings() {
			return (List<Map<String, Object>>) this.body.get("warnings");
		}

		@SuppressWarnings("unchecked")
		public Map<String, Object> counts() {
			return (Map<String, Object>) this.body.get("counts");
		}

		public int revision() {
			return ((Number) this.body.get("revision")).intValue();
		}

	}

	public Answer json(String org, String document) {
		return json(org, document.getBytes(StandardCharsets.UTF_8));
	}

	public Answer json(String org, byte[] document) {
		return answer(this.http.post()
			.uri("/api/v1/orgs/{key}/imports", org)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(document)
			.exchange());
	}

	/**
	 * The document as a chunked body of unknown length: the service spools such a body to disk
	 * and reads it through a memory map, as it does any body over 16 MB.
	 */
	public Answer jsonStreamed(String org, byte[] document) {
		DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
		int half = document.length / 2;
		Flux<DataBuffer> chunks = Flux.just(java.util.Arrays.copyOfRange(document, 0, half),
				java.util.Arrays.copyOfRange(document, half, document.length)).map(buffers::wrap);
		return answer(this.http.post()
			.uri("/api/v1/orgs/{key}/imports", org)
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks, DataBuffer.class)
			.exchange());
	}

	/** Multipart upload; {@code files} maps file names to contents. */
	public Answer files(String org, String format, Map<String, byte[]> files) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		files.forEach((name, bytes) -> body.part("file", new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return name;
			}
		}).contentType(MediaType.APPLICATION_OCTET_STREAM));
		body.part("format", format);
		return answer(this.http.post()
			.uri("/api/v1/orgs/{key}/imports", org)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange());
	}

	/** Imports each demo organisation ({@code demo/key.json}) under its own key; each must be accepted. */
	public void demo(String... keys) {
		for (String key : keys) {
			try {
				accepted(json(key, new ClassPathResource("demo/" + key + ".json").getContentAsByteArray()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * Imports every demo organisation ({@code demo/*.json}) under its own key, four at a time (each
	 * import mostly waits on its own commits); each must be accepted. Answers their keys.
	 */
	public List<String> allDemos() {
		try {
			List<String> keys = new ArrayList<>();
			List<Callable<Void>> imports = new ArrayList<>();
			for (Resource demo : new PathMatchingResourcePatternResolver()
				.getResources("classpath:demo/*.json")) {
				String key = Objects.requireNonNull(demo.getFilename()).replace(".json", "");
				keys.add(key);
				imports.add(() -> {
					accepted(json(key, demo.getContentAsByteArray()));
					return null;
				});
			}
			try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
				for (Future<Void> done : pool.invokeAll(imports)) {
					done.get();
				}
			}
			return keys;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex.getCause());
		}
	}

	/** Imports a published UK organogram snapshot as the next revision of {@code org}; it must be accepted. */
	public Answer organogram(String org, String snapshot) {
		try {
			return accepted(files(org, "uk-organogram", organogram(snapshot)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Imports both DFID snapshots of 2013 as revisions 1 (March) and 2 (September) of {@code dfid}. */
	public void dfid() {
		organogram("dfid", DFID_MARCH);
		organogram("dfid", DFID_SEPTEMBER);
	}

	private static Answer accepted(Answer answer) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
		return answer;
	}

	private static Answer answer(WebTestClient.ResponseSpec response) {
		var result = response.expectBody(JSON).returnResult();
		HttpStatusCode status = result.getStatus();
		Map<String, Object> body = result.getResponseBody();
		return new Answer(status.value(), body == null ? Map.of() : body);
	}

	/**
	 * A published UK organogram snapshot from the test resources, senior and junior file, as
	 * an upload: {@code name} is the file prefix, e.g. {@code department_for_international_development-2013-03-31}.
	 */
	public static Map<String, byte[]> organogram(String name) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String part : List.of("-senior.csv", "-junior.csv")) {
			files.put(name + part, new ClassPathResource("uk-organograms/" + name + part).getContentAsByteArray());
		}
		return files;
	}

	/** Every node in the store, by label: the fingerprint "nothing changed" is checked against. */
	/**
	 * Nodes by label, to show that a refused request changed nothing. Duty vectors ({@code
	 * DutyMeaning}) are left out: they are a cache the background analysis of earlier imports
	 * writes whenever it gets to it, not part of any organisation.
	 */
	public static Map<String, Long> nodeCounts(Driver driver) {
		try (Session session = driver.session()) {
			return session.run("""
					MATCH (n) WHERE NOT n:DutyMeaning
					UNWIND labels(n) AS label
					RETURN label, count(*) AS n
					""").list(r -> Map.entry(r.get("label").asString(), r.get("n").asLong()))
				.stream()
				.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		}
	}

	public static long relationshipCount(Driver driver) {
		try (Session session = driver.session()) {
			return session.run("MATCH ()-[r]->() RETURN count(r) AS n").single().get("n").asLong();
		}
	}

}
