package org.orgraph.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.OrgReader;
import org.orgraph.graph.Views.OrganizationView;
import org.orgraph.importing.ImportJob.ImportResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * {@code importOrganization} and {@code importJob}. A rejected import is an answer, not an
 * error: the payload lists the problems and nothing changed.
 */
@Controller
class ImportGraphQlController {

	private final ImportService imports;

	private final OrgReader reader;

	ImportGraphQlController(ImportService imports, OrgReader reader) {
		this.imports = imports;
		this.reader = reader;
	}

	record ImportOrganizationInput(String org, String document) {
	}

	record ImportPayload(@Nullable OrganizationView organization, @Nullable Integer revision, @Nullable String jobId,
			List<ImportProblem> warnings, List<ImportProblem> errors) {
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	ImportPayload importOrganization(@Argument ImportOrganizationInput input) {
		try {
			ImportJob job = this.imports.importNow(input.org(), OrgJsonParser.FORMAT,
					List.of(new ImportFile("document.json", input.document().getBytes(StandardCharsets.UTF_8))));
			ImportResult result = job.result();
			return new ImportPayload(this.reader.organization(input.org()).orElse(null), result.revision(), job.id(),
					result.warnings(), List.of());
		}
		catch (ImportRejectedException ex) {
			return new ImportPayload(null, null, null, ex.problems().stream().filter(p -> !p.isError()).toList(),
					ex.problems().stream().filter(ImportProblem::isError).toList());
		}
	}

	@QueryMapping
	@Nullable ImportJob importJob(@Argument String id) {
		return this.imports.job(id).orElse(null);
	}

	@SchemaMapping(typeName = "ImportJob")
	List<ImportProblem> errors(ImportJob job) {
		return job.problems().stream().filter(ImportProblem::isError).toList();
	}

}
