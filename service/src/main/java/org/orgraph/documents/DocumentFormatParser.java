package org.orgraph.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.orgraph.importing.FormatParser;
import org.orgraph.importing.ImportFile;
import org.orgraph.importing.ImportProblem;
import org.orgraph.importing.OrgDocument;
import org.orgraph.importing.OrgDocument.Location;
import org.orgraph.importing.ParseResult;
import org.springframework.stereotype.Component;

/**
 * {@code format=document} on {@code POST /api/v1/orgs/{key}/imports}: extracts the document as
 * {@code /api/v1/documents/extract} does and imports the first organisation it holds as a new
 * revision, keeping every item's source on the revision (served as {@code Unit.source},
 * {@code Position.source}, {@code Duty.source}).
 */
@Component
class DocumentFormatParser implements FormatParser {

	static final String FORMAT = "document";

	private final DocumentExtractor extractor;

	DocumentFormatParser(DocumentExtractor extractor) {
		this.extractor = extractor;
	}

	@Override
	public String format() {
		return FORMAT;
	}

	@Override
	public ParseResult parse(String orgKey, List<ImportFile> files) {
		ParseResult notOne = FormatParser.notOneFile(files, "format document");
		if (notOne != null) {
			return notOne;
		}
		ImportFile file = files.getFirst();
		List<ImportProblem> problems = new ArrayList<>();
		DocumentExtractor.Result result;
		try {
			result = this.extractor.extract(file.name(), file.content());
		}
		catch (DocumentException ex) {
			return new ParseResult(null, List.of(ImportProblem.error(Location.of(file.name(), 0, 0), ex.code(), ex.getMessage())));
		}
		if (result.organizations().isEmpty()) {
			return new ParseResult(null, List.of(ImportProblem.error(Location.of(file.name(), 0, 0), "NO_ORGANIZATION",
					"\"" + file.name() + "\" names no units, posts or duties that could be read")));
		}
		Extraction e = result.organizations().getFirst();
		if (result.organizations().size() > 1) {
			problems.add(ImportProblem.warning(Location.of(file.name(), e.firstLine, 0), "SEVERAL_ORGANIZATIONS",
					"the file holds " + result.organizations().size() + " organisations; the first (\"" + e.name
							+ "\") was imported; extract another with part=N and import its JSON as org-json"));
		}
		for (Extraction.Warning w : e.warnings) {
			problems.add(ImportProblem.warning(Location.of(w.file(), w.line(), 0), w.code(), w.message()));
		}
		return new ParseResult(toOrgDocument(orgKey, e), problems);
	}

	static OrgDocument toOrgDocument(String orgKey, Extraction e) {
		List<OrgDocument.Unit> units = new ArrayList<>();
		for (Extraction.Unit u : e.units) {
			units.add(new OrgDocument.Unit(u.key, u.name, u.parent == null ? null : u.parent.key, u.kind, u.plannedHeadcount,
					duties(e.file, u.duties), Location.of(e.file, u.line, 0)));
		}
		List<OrgDocument.Position> positions = new ArrayList<>();
		for (Extraction.Position p : e.positions) {
			positions.add(new OrgDocument.Position(p.key, p.title, p.unit.key, p.reportsTo == null ? null : p.reportsTo.key,
					p.headcount, null, duties(e.file, p.duties), p.concurrentWith == null ? null : p.concurrentWith.key, 0,
					Location.of(e.file, p.line, 0)));
		}
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("format", FORMAT);
		metadata.put("source", e.file + (e.title.isEmpty() ? "" : " (" + e.title + ")"));
		metadata.put("sources", e.sources());
		List<OrgDocument.Person> people = new ArrayList<>();
		for (Extraction.Person p : e.people) {
			Location at = Location.of(e.file, p.line, 0);
			people.add(new OrgDocument.Person(p.key, p.name,
					p.holds.stream().map(h -> new OrgDocument.Holding(h.key, 1.0, false, at)).toList(), at));
		}
		return new OrgDocument(orgKey, e.name, units, positions, people, metadata);
	}

	private static List<OrgDocument.Duty> duties(String file, List<Extraction.Duty> duties) {
		return duties.stream().map(d -> new OrgDocument.Duty(d.key, d.text, Location.of(file, d.line, 0))).toList();
	}

}
