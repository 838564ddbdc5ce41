// GraphiQL against this service's /graphql, every asset served locally.
(function () {
  'use strict';
  var defaultQuery = [
    '# Orgraph: an organisation as a revisioned graph.',
    '# Press the play button (or Ctrl-Enter) to run.',
    '',
    '{',
    '  organizations { key name currentRevision }',
    '  organization(key: "hotel-ops-centre") {',
    '    name',
    '    units(first: 5) {',
    '      edges { node { key name head { title vacant } duties { key text } } }',
    '      pageInfo { hasNextPage endCursor }',
    '    }',
    '    search(text: "财务") { kind key name }',
    '  }',
    '}',
    ''
  ].join('\n');
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery }));
}());
