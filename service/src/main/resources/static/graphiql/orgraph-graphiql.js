// GraphiQL against this service's /graphql, every asset served locally, with one tab of
// example per analytic. The analytics land one by one, so the examples are chosen from the
// fields this server's schema really has; one without a written example gets a generated one.
(function () {
  'use strict';

  var ORG = 'car-rental-ops-company';
  var TOKEN_KEY = 'orgraph.token';

  function lines() {
    return Array.prototype.slice.call(arguments).join('\n') + '\n';
  }

  var overview = lines(
    '# Orgraph: an organisation as a revisioned graph.',
    '# Press the play button (or Ctrl-Enter) to run. Each tab holds one analytic.',
    '',
    'query Overview {',
    '  organizations { key name currentRevision }',
    '  organization(key: "hotel-ops-centre") {',
    '    name',
    '    units(first: 5) {',
    '      edges { node { key name head { title vacant } duties { key text } } }',
    '      pageInfo { hasNextPage endCursor }',
    '    }',
    '    search(text: "财务") { kind key name }',
    '  }',
    '}');

  // Written examples, keyed by the Query field they show.
  var EXAMPLES = {
    chainOfCommand: lines(
      '# Chain of command: from a post (or a person) up to the top, with who holds each link.',
      'query ChainOfCommand {',
      '  chainOfCommand(org: "' + ORG + '", position: "P11") {',
      '    links { depth vacant position { key title unit { key name } } holders { key name } }',
      '  }',
      '}'),
    commonSuperior: lines(
      '# The lowest post both report to.',
      'query CommonSuperior {',
      '  commonSuperior(org: "' + ORG + '", a: "P05", b: "P11") {',
      '    position { key title } depthFromA depthFromB',
      '    pathFromA { key title } pathFromB { key title }',
      '  }',
      '}'),
    reports: lines(
      '# Everyone under a post, direct reports only or the whole subtree, paged.',
      'query Reports {',
      '  reports(org: "' + ORG + '", position: "P01", direct: true, first: 20) {',
      '    edges { node { key title vacant } }',
      '    pageInfo { hasNextPage endCursor }',
      '  }',
      '}'),
    dutyOverlaps: lines(
      '# Duties held more than once: EXACT (same text once normalised) or SIMILAR (scored, with evidence).',
      'query DutyOverlaps {',
      '  exact: dutyOverlaps(org: "online-ops-dept", mode: EXACT, first: 10) {',
      '    totalCount',
      '    edges { node { kind score relation explanation',
      '      duties { key text holder { kind key name } }',
      '      settledBy { key title } } }',
      '  }',
      '  similar: dutyOverlaps(org: "' + ORG + '", mode: SIMILAR, first: 10) {',
      '    totalCount',
      '    edges { node { score relation explanation',
      '      evidence { matched onlyInFirst onlyInSecond }',
      '      duties { key text holder { kind key name } } } }',
      '  }',
      '}'),
    orphanedDuties: lines(
      '# Duties nobody effectively holds, and why.',
      'query OrphanedDuties {',
      '  orphanedDuties(org: "' + ORG + '") {',
      '    reason explanation',
      '    duty { key text holder { kind key name } }',
      '  }',
      '}'),
    dutyGaps: lines(
      '# Posts without duties, and units with neither posts nor duties.',
      'query DutyGaps {',
      '  dutyGaps(org: "' + ORG + '") {',
      '    positionsWithoutDuties { key title unit { name } }',
      '    unitsWithoutPositionsOrDuties { key name }',
      '  }',
      '}'),
    vacancies: lines(
      '# Planned headcount (编制) against seats and holders, for the organisation and per unit.',
      'query Vacancies {',
      '  vacancies(org: "' + ORG + '") {',
      '    planned seats filled vacantSeats shortfall excess status',
      '    units(first: 20) { edges { node { unit { key name } planned subtreeFilled shortfall excess status reason } } }',
      '    positions(first: 20, status: [SHORTFALL]) { edges { node { position { key title } seats filled reason } } }',
      '  }',
      '}'),
    orgMetrics: lines(
      '# Organisation-wide figures, as BI dashboards chart them.',
      'query OrgMetrics {',
      '  orgMetrics(org: "' + ORG + '") {',
      '    units positions people planned filled vacantSeats vacancyRate',
      '    managers spanMean spanMedian spanMax narrowSpanShare layers tops',
      '    duties exactOverlaps similarOverlaps orphans',
      '  }',
      '}'),
    unitMetrics: lines(
      '# The same figures per unit: own… for the unit alone, subtree… with every unit below it.',
      'query UnitMetrics {',
      '  unitMetrics(org: "' + ORG + '", first: 20) {',
      '    edges { node {',
      '      unit { key name } depth',
      '      ownPositions subtreePositions ownVacantSeats subtreeVacantSeats vacancyRate',
      '      ownManagers ownSpanMean subtreeSpanMax',
      '    } }',
      '    pageInfo { hasNextPage endCursor }',
      '  }',
      '}'),
    compareRevisions: lines(
      '# What changed between two revisions (import the organisation again to get a second one).',
      'query CompareRevisions {',
      '  compareRevisions(org: "' + ORG + '", from: 1) {',
      '    from to summary',
      '    positionsAdded { key name }',
      '    positionsRemoved { key name }',
      '    positionsMoved { key name before after }',
      '    reportingChanged { key name before after }',
      '    holdersChanged { key name before after }',
      '  }',
      '}'),
    reportingAnomalies: lines(
      '# Reporting anomalies: cycles, posts that reach no top, several tops, lines that leave the unit, too many concurrent posts, units without a head.',
      'query ReportingAnomalies {',
      '  reportingAnomalies(org: "' + ORG + '", first: 5) {',
      '    tops { position { key title } directReports postsUnder reason }',
      '    linesOutsideUnit { position { key title } manager { key title } reason }',
      '    unitsWithoutHead { unit { key name } reason }',
      '    concurrentPosts { person { key name } count reason }',
      '    cycles { positions { key } reason }',
      '  }',
      '}')
  };

  // The analytics in the order their tabs appear; fields not on this server are left out.
  var ANALYTICS = ['chainOfCommand', 'commonSuperior', 'reports', 'reportingAnomalies', 'dutyOverlaps',
    'orphanedDuties', 'dutyGaps', 'vacancies', 'orgMetrics', 'unitMetrics', 'compareRevisions'];

  // Example argument values (demo data) for generated examples.
  var ARGUMENTS = { org: '"' + ORG + '"', position: '"P11"', person: '"E0007"', a: '"P05"', b: '"P11"',
    from: '1', first: '10' };

  var TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
  var INTROSPECTION = '{ __schema { queryType { name } types { name kind fields { name description ' +
    'args { name defaultValue type { ' + TYPE_REF + ' } } type { ' + TYPE_REF + ' } } } } }';

  function token() {
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch (e) {
      return null;
    }
  }

  // The same token as the org chart page: asked for when the API refuses the request.
  function askForToken() {
    var zh = /^zh\b/i.test(navigator.language || '');
    var answer = window.prompt(zh
      ? '此服务需要访问令牌。请粘贴分配给您的 Bearer 令牌:'
      : 'This server needs an access token. Paste the bearer token you were given:');
    if (!answer || !answer.trim()) return false;
    try {
      sessionStorage.setItem(TOKEN_KEY, answer.trim());
    } catch (e) {
      return false;
    }
    return true;
  }

  function headers() {
    var t = token();
    return t ? { Authorization: 'Bearer ' + t } : {};
  }

  function named(type) {
    while (type.ofType) type = type.ofType;
    return type;
  }

  // A selection of the type's plain fields, and of its object fields down to `depth` levels,
  // one field a line.
  function selection(types, type, depth, indent) {
    var t = types[named(type).name];
    if (!t || !t.fields) return '';
    var parts = [];
    t.fields.forEach(function (f) {
      if (f.args.some(function (a) { return a.type.kind === 'NON_NULL' && a.defaultValue == null; })) return;
      var inner = named(f.type);
      if (inner.kind === 'SCALAR' || inner.kind === 'ENUM') parts.push(indent + f.name);
      else if (depth > 0) {
        var sub = selection(types, f.type, depth - 1, indent + '  ');
        if (sub) parts.push(indent + f.name + ' {\n' + sub + '\n' + indent + '}');
      }
    });
    return parts.join('\n');
  }

  function generated(types, field) {
    var args = [];
    for (var i = 0; i < field.args.length; i++) {
      var a = field.args[i];
      if (ARGUMENTS[a.name]) args.push(a.name + ': ' + ARGUMENTS[a.name]);
      else if (a.type.kind === 'NON_NULL' && a.defaultValue == null) return null;
    }
    var inner = named(field.type);
    var sub = inner.kind === 'OBJECT' ? selection(types, field.type, 3, '    ') : '';
    if (inner.kind === 'OBJECT' && !sub) return null;
    var comment = (field.description || field.name).split('\n').map(function (l) { return '# ' + l.trim(); }).join('\n');
    var operation = field.name.charAt(0).toUpperCase() + field.name.slice(1);
    return comment + '\nquery ' + operation + ' {\n  ' + field.name + (args.length ? '(' + args.join(', ') + ')' : '') +
      (sub ? ' {\n' + sub + '\n  }' : '') + '\n}\n';
  }

  function tabsFor(schema) {
    var types = {};
    schema.types.forEach(function (t) { types[t.name] = t; });
    var query = types[schema.queryType.name];
    var fields = {};
    query.fields.forEach(function (f) { fields[f.name] = f; });
    var tabs = [{ query: overview }];
    ANALYTICS.forEach(function (name) {
      if (!fields[name]) return;
      var text = EXAMPLES[name] || generated(types, fields[name]);
      if (text) tabs.push({ query: text });
    });
    return tabs;
  }

  function render(tabs) {
    var fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: headers() });
    var root = ReactDOM.createRoot(document.getElementById('graphiql'));
    root.render(React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: overview,
      defaultTabs: tabs
    }));
  }

  fetch('/graphql', {
    method: 'POST',
    headers: Object.assign({ 'content-type': 'application/json', accept: 'application/json' }, headers()),
    body: JSON.stringify({ query: INTROSPECTION })
  })
    .then(function (r) {
      if (r.status === 401 && askForToken()) {
        location.reload();
        return { data: null, reloading: true };
      }
      return r.json();
    })
    .then(function (body) {
      if (!body.reloading) render(body.data ? tabsFor(body.data.__schema) : [{ query: overview }]);
    })
    .catch(function () { render([{ query: overview }]); });
}());
