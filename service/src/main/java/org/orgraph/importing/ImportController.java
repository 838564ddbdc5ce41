package org.orgraph.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revisions;
import org.orgraph.graph.Views.OrganizationView;
import org.orgraph.importing.ImportJob.ImportResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code importOrganization} and {@code importJob}. A rejected import is an answer, not an
 * error: the payload lists the problems and nothing changed. Who may call them is decided by
 * the security module's one table of rules (editors), the organisation limit by
 * {@link ImportService}.
 */
@Controller
class ImportController {

	private final ImportService imports;

	private final Revisions revisions;

	ImportController(ImportService imports, Revisions revisions) {
		this.imports = imports;
		this.revisions = revisions;
	}

	record ImportOrganizationInput(String org, String document) {
	}

	/** {@code errors} and {@code warnings} hold the first {@value ProblemList#KEPT} of each; the counts are every one found. */
	record ImportPayload(@Nullable OrganizationView organization, @Nullable Integer revision, @Nullable String jobId,
			List<ImportProblem> warnings, List<ImportProblem> errors, int errorCount, int warningCount) {
	}

	@MutationMapping
	ImportPayload importOrganization(@Argument ImportOrganizationInput input) {
		try {
			ImportJob job = this.imports.importNow(input.org(), OrgJsonParser.FORMAT,
					List.of(new ImportFile("document.json", input.document().getBytes(StandardCharsets.UTF_8))));
			ImportResult result = job.result();
			return new ImportPayload(this.revisions.organization(input.org()).orElse(null), result.revision(), job.id(),
					result.warnings(), List.of(), 0, result.warningCount());
		}
		catch (ImportRejectedException ex) {
			return rejected(ex);
		}
	}

	/** At most this many edits in one request. */
	static final int MAX_EDITS = 1_000;

	record EditOrganizationInput(String org, int baseRevision, List<OrgEditInput> edits) {
	}

	record OrgEditInput(@Nullable SetReportsToInput setReportsTo, @Nullable MovePositionInput movePosition,
			@Nullable AddDutyInput addDuty, @Nullable RemoveDutyInput removeDuty) {

		/** Exactly one field (as {@code @oneOf} says; checked here too, whatever the GraphQL engine checked). */
		OrgEdit edit() {
			long set = java.util.stream.Stream.of(this.setReportsTo, this.movePosition, this.addDuty, this.removeDuty)
				.filter(java.util.Objects::nonNull)
				.count();
			if (set != 1) {
				throw new IllegalArgumentException(
						"an edit needs exactly one of setReportsTo, movePosition, addDuty, removeDuty; got " + set);
			}
			if (this.setReportsTo != null) {
				return new OrgEdit.SetReportsTo(this.setReportsTo.position(), this.setReportsTo.reportsTo());
			}
			if (this.movePosition != null) {
				return new OrgEdit.MovePosition(this.movePosition.position(), this.movePosition.unit());
			}
			if (this.addDuty != null) {
				return new OrgEdit.AddDuty(this.addDuty.holderKind(), this.addDuty.holder(), this.addDuty.text(),
						this.addDuty.key());
			}
			if (this.removeDuty != null) {
				return new OrgEdit.RemoveDuty(this.removeDuty.duty());
			}
			throw new IllegalArgumentException("an edit needs exactly one of setReportsTo, movePosition, addDuty, removeDuty");
		}

	}

	record SetReportsToInput(String position, @Nullable String reportsTo) {
	}

	record MovePositionInput(String position, String unit) {
	}

	record AddDutyInput(OrgEdit.HolderKind holderKind, String holder, String text, @Nullable String key) {
	}

	record RemoveDutyInput(String duty) {
	}

	@MutationMapping
	ImportPayload editOrganization(@Argument EditOrganizationInput input) {
		if (input.edits().size() > MAX_EDITS) {
			throw new IllegalArgumentException(
					"at most " + MAX_EDITS + " edits in one request, got " + input.edits().size());
		}
		try {
			ImportJob job = this.imports.edit(input.org(), input.baseRevision(),
					input.edits().stream().map(OrgEditInput::edit).toList());
			ImportResult result = job.result();
			return new ImportPayload(this.revisions.organization(input.org()).orElse(null), result.revision(), job.id(),
					result.warnings(), List.of(), 0, result.warningCount());
		}
		catch (ImportRejectedException ex) {
			return rejected(ex);
		}
	}

	private static ImportPayload rejected(ImportRejectedException ex) {
		return new ImportPayload(null, null, null, ex.problems().stream().filter(p -> !p.isError()).toList(),
				ex.problems().stream().filter(ImportProblem::isError).toList(), ex.errorCount(), ex.warningCount());
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
