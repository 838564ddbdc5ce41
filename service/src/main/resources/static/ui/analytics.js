// The questions the page asks the API: details of a unit, post or person, the chain of command,
// overlapping and orphaned duties. Each uses the analytic field when the server has it.

import { gqlWithErrors, gql, GraphQlError, limits, schema } from './api.js';

const CHAIN_STEP = 8;
const MAX_CHAIN = 200;
/** Orphaned duties the page reads at most (the tab lists them, the chart marks their holders). */
const MAX_ORPHANS = 2000;

/** `juniorFte` where the server has it: staff reported only as FTE under a post (UK organograms). */
const junior = async () => ((await schema()).typeHas('Position', 'juniorFte') ? 'juniorFte' : '');

export async function unitDetails(org, rev, key) {
  const data = await gql(`query UnitDetails($org: ID!, $rev: Int, $key: ID!) {
    organization(key: $org) {
      unit(key: $key, revision: $rev) {
        key name kind plannedHeadcount
        parent { key name }
        head { key title vacant holders { acting person { key name } } }
        children { key }
        positions { key vacant headcount ${await junior()} holders { fte } }
        duties { key text holder { kind key name } }
      }
    }
  }`, { org, rev, key });
  return data.organization?.unit ?? null;
}

export async function positionDetails(org, rev, key) {
  const data = await gql(`query PositionDetails($org: ID!, $rev: Int, $key: ID!) {
    organization(key: $org) {
      position(key: $key, revision: $rev) {
        key title grade headcount vacant ${await junior()}
        unit { key name }
        holders { fte acting person { key name } }
        reportsTo { line derived position { key title } }
        concurrentWith { key title }
        duties { key text holder { kind key name } }
      }
    }
  }`, { org, rev, key });
  return data.organization?.position ?? null;
}

export async function personDetails(org, rev, key) {
  const data = await gql(`query PersonDetails($org: ID!, $rev: Int, $key: ID!) {
    organization(key: $org) {
      person(key: $key, revision: $rev) {
        key name
        holds { fte acting position { key title vacant unit { key name } } }
      }
    }
  }`, { org, rev, key });
  return data.organization?.person ?? null;
}

/**
 * The chains of command of a post or person: each chain is a list of links from the starting
 * post (depth 0) to the top, `{depth, position: {key, title, unit}, holders: [{key, name}], vacant}`.
 */
export async function chainsOf(org, rev, kind, key) {
  const s = await schema();
  const arg = kind === 'PERSON' ? 'person' : 'position';
  if (s.has('chainOfCommand') && s.hasArg('chainOfCommand', arg)) {
    const revArg = s.hasArg('chainOfCommand', 'revision') ? ', revision: $rev' : '';
    const data = await gql(`query Chain($org: ID!, $key: ID!, $rev: Int) {
      chainOfCommand(org: $org, ${arg}: $key${revArg}) {
        ${s.typeHas('Chain', 'cycle') ? 'cycle' : ''}
        links { depth vacant position { key title unit { key name } } holders { key name } }
      }
    }`, { org, key, rev });
    const chains = data.chainOfCommand.map((c) => Object.assign(c.links, { cycle: c.cycle ?? false }));
    return { chains, source: 'chainOfCommand' };
  }
  let starts = [key];
  if (kind === 'PERSON') {
    const person = await personDetails(org, rev, key);
    starts = (person?.holds ?? []).map((h) => h.position.key);
  }
  const chains = [];
  for (const start of starts) chains.push(await walkReportsTo(org, rev, start));
  return { chains, source: 'reportsTo' };
}

/** Follows solid reporting lines upwards (dotted ones only where a post has no solid line). */
async function walkReportsTo(org, rev, start) {
  const fields = 'key title vacant unit { key name } holders { person { key name } }';
  let nested = fields;
  for (let i = 0; i < CHAIN_STEP; i++) nested = `${fields} reportsTo { line position { ${nested} } }`;
  const links = [];
  const seen = new Set();
  let key = start;
  while (key && links.length < MAX_CHAIN) {
    const data = await gql(`query ReportsTo($org: ID!, $rev: Int, $key: ID!) {
      organization(key: $org) { position(key: $key, revision: $rev) { ${nested} } }
    }`, { org, rev, key });
    let p = data.organization?.position;
    key = null;
    while (p) {
      if (seen.has(p.key)) {
        links.cycle = true;
        return links;
      }
      seen.add(p.key);
      links.push({
        depth: links.length,
        vacant: p.vacant,
        position: { key: p.key, title: p.title, unit: p.unit },
        holders: p.holders.map((h) => h.person),
      });
      if (!p.reportsTo) {
        // the nesting ran out before the top: ask again from here
        links.pop();
        seen.delete(p.key);
        key = p.key;
        break;
      }
      const line = p.reportsTo.find((r) => r.line) ?? p.reportsTo[0];
      p = line?.position ?? null;
    }
  }
  return links;
}

/** Overlapping duties, exact and (where offered) similar, best first. */
/**
 * Overlapping duties, exact and (where offered) similar, best first; {@code kinds} picks which
 * (the page asks for the exact ones first: they never wait for the duties' analysis).
 */
export async function overlaps(org, rev, first = 50, kinds = ['EXACT', 'SIMILAR']) {
  const s = await schema();
  if (!s.has('dutyOverlaps')) return null;
  const semantic = s.hasArg('dutyOverlaps', 'includeDistinct');
  const fields = `totalCount edges { node {
      id kind score relation explanation ${semantic ? 'extent review { verdict note }' : ''}
      settledBy { key title }
      evidence { matched onlyInFirst onlyInSecond ${semantic ? 'meaning contrast' : ''} }
      duties { key text holder { kind key name } }
  } }`;
  const similar = s.hasArg('dutyOverlaps', 'mode') ? `similar: dutyOverlaps(org: $org, mode: SIMILAR, revision: $rev, first: $first) { ${fields} }` : '';
  const exactMode = s.hasArg('dutyOverlaps', 'mode') ? 'mode: EXACT, ' : '';
  const exact = kinds.includes('EXACT') ? `exact: dutyOverlaps(org: $org, ${exactMode}revision: $rev, first: $first) { ${fields} }` : '';
  const { data, errors } = await gqlWithErrors(`query Overlaps($org: ID!, $rev: Int, $first: Int) {
    ${exact}
    ${kinds.includes('SIMILAR') ? similar : ''}
  }`, { org, rev, first });
  const list = [...(data.exact?.edges ?? []), ...(data.similar?.edges ?? [])].map((e) => e.node);
  const seen = new Set();
  // similar overlaps of a revision whose duties are still being analysed: say how far it has come
  const pending = errors.find((e) => e.extensions?.code === 'ANALYSIS_PENDING');
  return {
    total: (data.exact?.totalCount ?? 0) + (data.similar?.totalCount ?? 0),
    items: list.filter((o) => !seen.has(o.id) && seen.add(o.id)),
    pending: pending ? pending.extensions.progress ?? {} : null,
  };
}

/** The responsibility matrix: themes with their holders, most holders first (null where not offered). */
export async function themes(org, rev, first = 100) {
  const s = await schema();
  if (!s.has('dutyThemes')) return null;
  const { data, errors } = await gqlWithErrors(`query Themes($org: ID!, $rev: Int, $first: Int) {
    dutyThemes(org: $org, revision: $rev, first: $first) { totalCount edges { node {
      id name words duplication holders { kind key name } duties { key text holder { kind key } } } } }
  }`, { org, rev, first });
  const pending = errors.find((e) => e.extensions?.code === 'ANALYSIS_PENDING');
  return {
    total: data.dutyThemes?.totalCount ?? 0,
    items: data.dutyThemes?.edges.map((e) => e.node) ?? [],
    pending: pending ? pending.extensions.progress ?? {} : null,
  };
}

export async function orphans(org, rev) {
  const s = await schema();
  if (!s.has('orphanedDuties')) return null;
  const fields = 'reason explanation duty { key text holder { kind key name } }';
  const returns = s.returns('orphanedDuties');
  if (returns === null) {
    // the schema could not be read (introspection off): the list, else the connection
    try {
      const data = await gql(`query Orphans($org: ID!, $rev: Int) { orphanedDuties(org: $org, revision: $rev) { ${fields} } }`, { org, rev });
      return data.orphanedDuties;
    } catch (e) {
      if (!(e instanceof GraphQlError) || e.denied) throw e;
    }
  }
  if (returns === null || /Connection$/.test(returns)) {
    // a connection: read it page by page (a page as big as the server allows)
    const { maxPageSize } = await limits();
    const list = [];
    let after = null;
    do {
      const data = await gql(`query Orphans($org: ID!, $rev: Int, $first: Int, $after: String) {
        orphanedDuties(org: $org, revision: $rev, first: $first, after: $after) { edges { node { ${fields} } } pageInfo { hasNextPage endCursor } }
      }`, { org, rev, first: Math.min(maxPageSize, 200), after });
      const page = data.orphanedDuties;
      list.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.hasNextPage && list.length < MAX_ORPHANS ? page.pageInfo.endCursor : null;
    } while (after);
    return list;
  }
  const data = await gql(`query Orphans($org: ID!, $rev: Int) { orphanedDuties(org: $org, revision: $rev) { ${fields} } }`, { org, rev });
  return data.orphanedDuties;
}
