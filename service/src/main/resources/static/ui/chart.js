// The org chart, drawn with Cytoscape.js, as one of two trees: the units with their posts and
// the people holding them (`units`), or the reporting lines, post under post (`lines`).
//
// Big organisations stay responsive because nothing is drawn that the user did not open: the
// unit tree (keys and names only) is read once, a unit's posts are read when it is opened, a
// post's direct reports when it is opened in the reporting-lines tree, and an open node shows
// at most PAGE children until "+ N more" is clicked. Long runs of children are packed into a
// grid (layout.js), so a flat organisation stays on one screen. Everything drawn is derived
// from a little state (open nodes, pinned children, selection, overlays) by render().

import { batched, gql, schema } from './api.js';
import { clip, layoutTree } from './layout.js';
import { t } from './i18n.js';

export const PAGE = 300;
const SMALL_ORG_UNITS = 12;
/** Reports read per request in the reporting-lines tree (a page of a post's direct reports). */
const REPORTS_PAGE = 50;
/** What one page of reports weighs by the server's measure (docs/security.md#limits): 50 × about 30 fields. */
const REPORTS_WEIGHT = REPORTS_PAGE * 32;
/** Posts the reporting tree opens the way to at once (an overlay's holders, orphans' holders). */
const LINES_REVEAL = 60;
/** Holders the unit tree opens the way to at once for an overlay. */
const REVEAL_UNITS = 150;
/** Below this zoom labels cannot be read: the first view of a big tree shows its top instead. */
const READABLE_ZOOM = 0.45;
const UNIT_SIZE = { w: 210, h: 46 };
const POSITION_SIZE = { w: 210, h: 52 };
const LINE_SIZE = { w: 220, h: 64 };
const MORE_SIZE = { w: 150, h: 30 };

const UNITS_PAGE = `query ChartUnits($org: ID!, $rev: Int, $after: String) {
  organization(key: $org) {
    name
    units(revision: $rev, first: 500, after: $after) {
      edges { node { key name kind parent { key } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

const POSITION_FIELDS = `key title vacant headcount holders { acting person { key name } }`;

/** The ways a post's place in the reporting tree is asked for, depending on what the server offers. */
const lineFields = (s) => `${POSITION_FIELDS} unit { key } ${s.typeHas('Position', 'span') ? 'span' : ''}`;

const STYLE = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      width: 'data(w)',
      height: 'data(h)',
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': 'data(textWidth)',
      'text-valign': 'center',
      'text-halign': 'center',
      'font-size': 13,
      'font-family': '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
      color: '#1d2733',
      'background-color': '#ffffff',
      'border-width': 1,
      'border-color': '#8a97a8',
      'z-index-compare': 'manual',
      'z-index': 5,
    },
  },
  {
    // the box around a grid of packed children: drawn under them, never clicked
    selector: 'node.frame',
    style: {
      shape: 'round-rectangle',
      label: '',
      'background-color': '#f3f6fa',
      'border-style': 'dashed',
      'border-color': '#c3cedb',
      'border-width': 1,
      events: 'no',
      'z-index': 1,
    },
  },
  { selector: 'node.unit.chain-path', style: { 'border-color': '#d35400', 'border-width': 3 } },
  { selector: 'node.frame.chain-path', style: { 'border-color': '#d35400', 'border-style': 'solid', 'border-width': 2 } },
  { selector: 'node.org', style: { 'background-color': '#1f3a5f', color: '#fff', 'font-weight': 'bold', 'border-width': 0 } },
  { selector: 'node.unit', style: { 'background-color': '#e4ecf7', 'border-color': '#4a6fa5', 'font-weight': 'bold' } },
  { selector: 'node.unit.closed', style: { 'border-width': 2 } },
  { selector: 'node.position.head', style: { 'border-width': 2, 'border-color': '#2f5d8a' } },
  {
    selector: 'node.position.vacant',
    style: { 'border-style': 'dashed', 'border-color': '#b03a2e', 'background-color': '#fdf1ef', color: '#7b241c' },
  },
  {
    selector: 'node.more',
    style: { 'background-color': '#f2f4f7', 'border-style': 'dashed', color: '#3b5b85', 'font-size': 11 },
  },
  { selector: 'node.orphan', style: { 'border-color': '#d68910', 'border-width': 3, 'border-style': 'double' } },
  { selector: 'node.overlapped', style: { 'background-color': '#fbeee6', 'border-color': '#c0392b', 'border-width': 2 } },
  { selector: 'node.chain', style: { 'background-color': '#fff3c4', 'border-color': '#d35400', 'border-width': 3 } },
  { selector: 'node.selected', style: { 'border-color': '#d35400', 'border-width': 4, 'underlay-color': '#f5b041', 'underlay-padding': 6, 'underlay-opacity': 0.45 } },
  { selector: 'node.flash', style: { 'underlay-color': '#3498db', 'underlay-padding': 8, 'underlay-opacity': 0.5 } },
  {
    selector: 'edge.tree',
    style: {
      width: 1.2,
      'line-color': '#b5c0cc',
      'curve-style': 'taxi',
      'taxi-direction': 'rightward',
      'taxi-turn': 24,
      'z-index-compare': 'manual',
      'z-index': 3,
    },
  },
  {
    // a chain of command is drawn along the tree: the tree's own lines between its posts
    selector: 'edge.tree.chain',
    style: { width: 4, 'line-color': '#d35400', 'z-index': 4 },
  },
  {
    selector: 'edge.overlap',
    style: {
      width: 2,
      'line-color': '#c0392b',
      'line-style': 'dashed',
      'curve-style': 'unbundled-bezier',
      'control-point-distances': (edge) => bow(edge, 1.5),
      'control-point-weights': 0.5,
      label: 'data(label)',
      'font-size': 10,
      color: '#922b21',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': 2,
      'z-index-compare': 'manual',
      'z-index': 9,
    },
  },
];

/** How far a curved overlay line bows out: more for longer lines, rightwards for a positive `side`. */
function bow(edge, side) {
  const a = edge.source().position();
  const b = edge.target().position();
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  // the distance is measured to the left of the source-to-target direction
  const direction = b.y < a.y ? 1 : -1;
  return side * direction * Math.min(320, 50 + length * 0.18);
}

/** Cytoscape ids: the user's keys are unique per kind only, so the kind is part of the id. */
export const nodeId = (kind, key) => (kind === 'UNIT' ? 'u:' : 'p:') + key;

export class OrgChart {
  constructor(container, { onSelect = () => {}, onError = () => {} } = {}) {
    this.onSelect = onSelect;
    this.onError = onError;
    this.mode = 'units';
    // eslint-disable-next-line no-undef
    this.cy = cytoscape({
      container,
      style: STYLE,
      minZoom: 0.02,
      maxZoom: 2.5,
      boxSelectionEnabled: false,
      autoungrabify: true,
      textureOnViewport: true,
      hideEdgesOnViewport: false,
    });
    this.cy.on('tap', 'node', (event) => this.tapped(event.target));
    this.reset();
  }

  reset() {
    this.org = null;
    this.rev = null;
    this.orgName = '';
    this.units = new Map();
    this.roots = [];
    this.positions = new Map();
    this.unitPositions = new Map();
    this.open = new Set();
    // the reporting-lines tree: its tops, each post's direct reports as read so far, what is open
    this.tops = null;
    this.reportsOf = new Map();
    this.reportsMore = new Map();
    this.openLines = new Set();
    // nodes (units, or posts in the reporting tree) opened only to show the way to something (a
    // chain, an overlay, a search hit): they show that way and a "+ N more" for the rest of their
    // children until the user clicks them
    this.narrow = new Set();
    // a unit's head post, which stands for the unit in the reporting tree
    this.unitHeads = new Map();
    // per tree: how many children a node shows, and children shown whatever that says
    this.limits = { units: new Map(), lines: new Map() };
    this.pins = { units: new Map(), lines: new Map() };
    this.selected = null;
    this.chain = [];
    this.overlapEdges = [];
    this.orphans = new Set();
    this.cy.elements().remove();
  }

  /** Reads an organisation's unit tree and draws it with the top opened. */
  async load(org, rev) {
    this.reset();
    this.org = org;
    this.rev = rev;
    let after = null;
    do {
      const data = await gql(UNITS_PAGE, { org, rev, after });
      if (this.org !== org || this.rev !== rev) return;
      this.orgName = data.organization.name;
      const page = data.organization.units;
      for (const { node } of page.edges) {
        this.units.set(node.key, { key: node.key, name: node.name, kind: node.kind, parent: node.parent?.key ?? null, children: [] });
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    for (const unit of this.units.values()) {
      if (unit.parent && this.units.has(unit.parent)) this.units.get(unit.parent).children.push(unit.key);
      else this.roots.push(unit.key);
    }
    const first = this.firstOpen();
    first.forEach((key) => this.open.add(key));
    await this.loadPositions(first);
    if (this.mode === 'lines') await this.loadTops();
    if (this.org !== org || this.rev !== rev) return;
    this.render();
    this.overview();
  }

  /** What a first view opens: a small organisation whole, else its few top units (none of many). */
  firstOpen() {
    if (this.units.size <= SMALL_ORG_UNITS) return [...this.units.keys()];
    return this.roots.length <= SMALL_ORG_UNITS ? this.roots.slice() : [];
  }

  get unitCount() {
    return this.units.size;
  }

  /** Switches between the unit tree and the reporting-lines tree. */
  async setMode(mode) {
    if (mode === this.mode) return;
    // the tops first: until they are read, the tree on screen stays what it was
    if (mode === 'lines' && this.org) await this.loadTops();
    this.mode = mode;
    this.render();
    this.overview();
  }

  /** The posts of units not read yet, in as few requests as the server's limits allow. */
  async loadPositions(unitKeys) {
    const missing = [...new Set(unitKeys)].filter((key) => !this.unitPositions.has(key));
    const org = this.org;
    await batched(missing, async (batch) => {
      const vars = batch.map((_, j) => `$u${j}: ID!`).join(', ');
      const fields = batch
        .map((_, j) => `u${j}: unit(key: $u${j}, revision: $rev) { key head { key } positions { ${POSITION_FIELDS} } }`)
        .join('\n');
      const variables = { org: this.org, rev: this.rev };
      batch.forEach((key, j) => (variables['u' + j] = key));
      const data = await gql(`query ChartPositions($org: ID!, $rev: Int, ${vars}) { organization(key: $org) { ${fields} } }`, variables);
      if (this.org !== org) return;
      batch.forEach((key, j) => {
        const unit = data.organization['u' + j];
        const headKey = unit?.head?.key ?? null;
        const list = (unit?.positions ?? []).slice();
        // the head first: it is whom the rest of the unit reports to by default
        list.sort((a, b) => (b.key === headKey) - (a.key === headKey));
        for (const p of list) this.positions.set(p.key, { ...this.positions.get(p.key), ...p, unit: key, head: p.key === headKey });
        this.unitPositions.set(key, list.map((p) => p.key));
      });
    });
  }

  /** Keeps what a post answer says about a post, without losing what an earlier answer said. */
  remember(p) {
    const known = this.positions.get(p.key) ?? {};
    this.positions.set(p.key, { ...known, ...p, unit: p.unit?.key ?? known.unit ?? null, head: known.head ?? false });
  }

  /**
   * The tops of the reporting tree: every post without a solid line above it. The API lists them
   * when there are several; a single top is the end of any post's chain of command.
   */
  async loadTops() {
    if (this.tops) return;
    const org = this.org;
    const s = await schema();
    const fields = lineFields(s);
    let tops = [];
    if (s.has('reportingAnomalies')) {
      const data = await gql(`query ChartTops($org: ID!, $rev: Int) {
        reportingAnomalies(org: $org, revision: $rev) { tops { position { ${fields} } } }
      }`, { org, rev: this.rev });
      tops = data.reportingAnomalies?.tops.map((top) => top.position) ?? [];
    }
    if (!tops.length) {
      let start = this.roots.map((key) => this.unitPositions.get(key)?.[0]).find(Boolean) ?? this.positions.keys().next().value;
      if (!start) {
        // the top units hold no posts (a UK organogram's department): any post leads to the top
        const data = await gql(`query ChartAnyPost($org: ID!, $rev: Int) {
          organization(key: $org) { positions(revision: $rev, first: 1) { edges { node { key } } } }
        }`, { org, rev: this.rev });
        start = data.organization?.positions.edges[0]?.node.key;
      }
      if (start && s.has('chainOfCommand')) {
        const data = await gql(`query ChartTop($org: ID!, $rev: Int, $key: ID!) {
          chainOfCommand(org: $org, position: $key, revision: $rev) { links { position { ${fields} } } }
        }`, { org, rev: this.rev, key: start });
        const links = data.chainOfCommand[0]?.links ?? [];
        if (links.length) tops = [links[links.length - 1].position];
      }
    }
    if (this.org !== org) return;
    tops.forEach((p) => this.remember(p));
    this.tops = tops.map((p) => p.key);
    this.tops.slice(0, 1).forEach((key) => this.openLines.add(key));
    await this.loadReports(this.tops.slice(0, 1));
  }

  /** The direct reports of posts not read yet (a page each), in batches within the server's limits. */
  async loadReports(keys, { more = false } = {}) {
    const wanted = [...new Set(keys)].filter((key) => (more ? this.reportsMore.get(key) : !this.reportsOf.has(key)));
    if (!wanted.length) return;
    const org = this.org;
    const s = await schema();
    const fields = lineFields(s);
    await batched(wanted, async (batch) => {
      const vars = batch.map((_, j) => `$p${j}: ID!, $a${j}: String`).join(', ');
      const selections = batch.map((_, j) => `r${j}: reports(org: $org, position: $p${j}, direct: true, first: ${REPORTS_PAGE}, after: $a${j}, revision: $rev) {
        edges { node { ${fields} } } pageInfo { hasNextPage endCursor } }`).join('\n');
      const variables = { org, rev: this.rev };
      batch.forEach((key, j) => {
        variables['p' + j] = key;
        variables['a' + j] = more ? this.reportsMore.get(key) : null;
      });
      const data = await gql(`query ChartReports($org: ID!, $rev: Int, ${vars}) { ${selections} }`, variables);
      if (this.org !== org) return;
      batch.forEach((key, j) => {
        const page = data['r' + j];
        const nodes = (page?.edges ?? []).map((e) => e.node);
        nodes.forEach((p) => this.remember(p));
        this.reportsOf.set(key, [...(more ? this.reportsOf.get(key) ?? [] : []), ...nodes.map((p) => p.key)]);
        this.reportsMore.set(key, page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
      });
    }, { rootFields: true, weight: REPORTS_WEIGHT });
  }

  /** Units from the top down to (and including) `unitKey`. */
  pathTo(unitKey) {
    const path = [];
    const seen = new Set();
    for (let key = unitKey; key && this.units.has(key) && !seen.has(key); key = this.units.get(key).parent) {
      seen.add(key);
      path.unshift(key);
    }
    return path;
  }

  /** Shows `childId` under the node `parentId` of a tree, however far down its list it is. */
  pin(tree, parentId, childId) {
    const pins = this.pins[tree];
    if (!pins.has(parentId)) pins.set(parentId, new Set());
    pins.get(parentId).add(childId);
  }

  /**
   * Opens whatever is needed to show these units and posts (`{kind, key}`), however deep or
   * far down a long list they are, in the tree on screen. Returns the ids of the ones that exist.
   */
  async reveal(items) {
    return this.mode === 'lines' ? this.revealLines(items) : this.revealUnits(items);
  }

  async revealUnits(items) {
    const unknown = items.filter((i) => i.kind === 'POSITION' && !this.positions.get(i.key)?.unit).map((i) => i.key);
    const positionUnits = new Map();
    await batched([...new Set(unknown)], async (batch) => {
      const vars = batch.map((_, j) => `$p${j}: ID!`).join(', ');
      const fields = batch.map((_, j) => `p${j}: position(key: $p${j}, revision: $rev) { key unit { key } }`).join('\n');
      const variables = { org: this.org, rev: this.rev };
      batch.forEach((key, j) => (variables['p' + j] = key));
      const data = await gql(`query ChartReveal($org: ID!, $rev: Int, ${vars}) { organization(key: $org) { ${fields} } }`, variables);
      batch.forEach((key, j) => {
        const p = data.organization['p' + j];
        if (p) positionUnits.set(key, p.unit.key);
      });
    });
    const toOpen = new Set();
    const ids = [];
    const plans = [];
    for (const item of items) {
      const unitKey = item.kind === 'UNIT' ? item.key : this.positions.get(item.key)?.unit ?? positionUnits.get(item.key);
      if (!unitKey || !this.units.has(unitKey)) continue;
      const path = this.pathTo(unitKey);
      const ancestors = item.kind === 'UNIT' ? path.slice(0, -1) : path;
      ancestors.forEach((key) => toOpen.add(key));
      plans.push({ item, path });
      ids.push(nodeId(item.kind, item.key));
    }
    await this.loadPositions([...toOpen]);
    for (const key of toOpen) {
      if (!this.open.has(key)) this.narrow.add('u:' + key);
      this.open.add(key);
    }
    for (const { item, path } of plans) {
      this.pin('units', this.roots.length === 1 ? null : 'o', 'u:' + path[0]);
      for (let i = 1; i < path.length; i++) this.pin('units', 'u:' + path[i - 1], 'u:' + path[i]);
      if (item.kind === 'POSITION') this.pin('units', 'u:' + path[path.length - 1], 'p:' + item.key);
    }
    return ids.filter((id) => this.isKnown(id));
  }

  /**
   * In the reporting tree a post is shown by opening its chain of command, read in batches. That
   * costs a request for every few posts, so at most LINES_REVEAL posts are opened at once: the
   * first ones asked for (the overlays list the rest in their tabs).
   */
  async revealLines(items) {
    await this.loadTops();
    await this.loadUnitHeads(items.filter((i) => i.kind === 'UNIT').map((i) => i.key));
    const keys = [...new Set(items.map((i) => this.holderId(i)).filter((id) => id.startsWith('p:')).map((id) => id.slice(2)))]
      .slice(0, LINES_REVEAL);
    const chains = new Map();
    const s = await schema();
    if (s.has('chainOfCommand')) {
      await batched(keys, async (batch) => {
        const vars = batch.map((_, j) => `$p${j}: ID!`).join(', ');
        const fields = batch.map((_, j) => `c${j}: chainOfCommand(org: $org, position: $p${j}, revision: $rev) { links { position { key } } }`).join('\n');
        const variables = { org: this.org, rev: this.rev };
        batch.forEach((key, j) => (variables['p' + j] = key));
        const data = await gql(`query ChartChains($org: ID!, $rev: Int, ${vars}) { ${fields} }`, variables);
        batch.forEach((key, j) => {
          const links = data['c' + j]?.[0]?.links ?? [];
          if (links.length) chains.set(key, links.map((l) => l.position.key));
        });
      }, { rootFields: true });
    }
    await this.openChains([...chains.values()]);
    return keys.filter((key) => this.isShown(key)).map((key) => 'p:' + key);
  }

  /** Posts by key, as the reporting tree shows them, in batches within the server's limits. */
  async loadPosts(keys) {
    const s = await schema();
    const fields = lineFields(s);
    await batched([...new Set(keys)], async (batch) => {
      const vars = batch.map((_, j) => `$p${j}: ID!`).join(', ');
      const selections = batch.map((_, j) => `p${j}: position(key: $p${j}, revision: $rev) { ${fields} }`).join('\n');
      const variables = { org: this.org, rev: this.rev };
      batch.forEach((key, j) => (variables['p' + j] = key));
      const data = await gql(`query ChartPosts($org: ID!, $rev: Int, ${vars}) { organization(key: $org) { ${selections} } }`, variables);
      batch.forEach((_, j) => {
        const p = data.organization?.['p' + j];
        if (p) this.remember(p);
      });
    }, { weight: 40 });
  }

  /** The head posts of these units, for drawing what a unit holds at its head in the reporting tree. */
  async loadUnitHeads(unitKeys) {
    const missing = [...new Set(unitKeys)].filter((key) => !this.unitHeads.has(key));
    await batched(missing, async (batch) => {
      const vars = batch.map((_, j) => `$u${j}: ID!`).join(', ');
      const fields = batch.map((_, j) => `u${j}: unit(key: $u${j}, revision: $rev) { head { key } }`).join('\n');
      const variables = { org: this.org, rev: this.rev };
      batch.forEach((key, j) => (variables['u' + j] = key));
      const data = await gql(`query ChartUnitHeads($org: ID!, $rev: Int, ${vars}) { organization(key: $org) { ${fields} } }`, variables);
      batch.forEach((key, j) => this.unitHeads.set(key, data.organization?.['u' + j]?.head?.key ?? null));
    });
  }

  /** The node that stands for a duty's holder in the tree on screen: a unit is its head post among reporting lines. */
  holderId(holder) {
    if (holder.kind === 'UNIT' && this.mode === 'lines') {
      const first = this.unitPositions.get(holder.key)?.[0];
      const head = this.unitHeads.get(holder.key) ?? (this.positions.get(first)?.head ? first : null);
      return head ? 'p:' + head : 'u:' + holder.key;
    }
    return nodeId(holder.kind, holder.key);
  }

  /** Opens each chain (post keys from a post up to its top) in the reporting tree, and pins it. */
  async openChains(chains) {
    const usable = chains.filter((chain) => this.tops.includes(chain[chain.length - 1]));
    const ancestors = usable.flatMap((chain) => chain.slice(1));
    await this.loadReports(ancestors);
    // a post may lie beyond the page of reports read so far: read it and add it to its manager's list
    await this.loadPosts(usable.flatMap((chain) => chain).filter((key) => !this.positions.get(key)?.title));
    for (const chain of usable) {
      for (let i = chain.length - 1; i > 0; i--) {
        const list = this.reportsOf.get(chain[i]) ?? [];
        if (!list.includes(chain[i - 1]) && this.positions.has(chain[i - 1])) this.reportsOf.set(chain[i], [...list, chain[i - 1]]);
      }
    }
    for (const key of ancestors) {
      if (!this.openLines.has(key)) this.narrow.add('p:' + key);
      this.openLines.add(key);
    }
    for (const chain of usable) {
      this.pin('lines', 'o', 'p:' + chain[chain.length - 1]);
      for (let i = chain.length - 1; i > 0; i--) this.pin('lines', 'p:' + chain[i], 'p:' + chain[i - 1]);
    }
  }

  /** Whether a post has a place in the reporting tree as read so far. */
  isShown(key) {
    return this.tops.includes(key) || [...this.reportsOf.values()].some((list) => list.includes(key));
  }

  isKnown(id) {
    return id.startsWith('u:') ? this.units.has(id.slice(2)) : this.positions.has(id.slice(2));
  }

  async toggle(unitKey) {
    if (this.open.has(unitKey) && this.narrow.has('u:' + unitKey)) {
      // opened only to show a way through: a click shows everything in it
      this.narrow.delete('u:' + unitKey);
    } else if (this.open.has(unitKey)) {
      this.open.delete(unitKey);
    } else {
      await this.loadPositions([unitKey]);
      this.open.add(unitKey);
    }
    this.renderKeeping('u:' + unitKey);
  }

  async toggleLines(key) {
    if (this.openLines.has(key) && this.narrow.has('p:' + key)) {
      // opened only to show a way through: a click shows all its reports
      this.narrow.delete('p:' + key);
    } else if (this.openLines.has(key)) {
      this.openLines.delete(key);
    } else {
      await this.loadReports([key]);
      this.openLines.add(key);
    }
    this.renderKeeping('p:' + key);
  }

  collapseAll() {
    if (this.mode === 'lines') {
      this.openLines = new Set(this.tops?.slice(0, 1) ?? []);
      this.narrow.clear();
    } else {
      this.open = new Set(this.firstOpen());
      this.narrow.clear();
    }
    this.pins[this.mode].clear();
    this.limits[this.mode].clear();
    this.render();
    this.overview();
  }

  async tapped(node) {
    const id = node.id();
    try {
      if (id.startsWith('u:')) {
        const key = id.slice(2);
        this.select(id);
        this.onSelect({ kind: 'UNIT', key });
        await this.toggle(key);
      } else if (id.startsWith('p:')) {
        this.select(id);
        this.onSelect({ kind: 'POSITION', key: id.slice(2) });
        if (this.mode === 'lines' && this.hasReports(id.slice(2))) await this.toggleLines(id.slice(2));
      } else if (id.startsWith('m:')) {
        const parent = node.data('parentId');
        if (this.narrow.has(parent)) {
          this.narrow.delete(parent);
          this.renderKeeping(id);
          return;
        }
        const limits = this.limits[this.mode];
        const shown = limits.get(parent) ?? PAGE;
        if (this.mode === 'lines' && parent.startsWith('p:')) {
          const key = parent.slice(2);
          if (this.reportsMore.get(key) && (this.reportsOf.get(key)?.length ?? 0) <= shown + PAGE) await this.loadReports([key], { more: true });
        }
        limits.set(parent, shown + PAGE);
        this.renderKeeping(id);
      }
    } catch (e) {
      this.onError(e);
    }
  }

  /** Whether a post may have reports below it (unknown counts as yes). */
  hasReports(key) {
    const p = this.positions.get(key);
    return p?.span === undefined || p.span > 0 || (this.reportsOf.get(key)?.length ?? 0) > 0;
  }

  select(id) {
    this.selected = id;
    this.cy.nodes('.selected').removeClass('selected');
    this.cy.getElementById(id).addClass('selected');
  }

  /** Highlights a chain of command: post keys from the starting post (depth 0) to the top. */
  async showChain(keys) {
    this.chain = keys;
    if (this.mode === 'lines') {
      await this.loadTops();
      await this.openChains([keys]);
    } else {
      await this.reveal(keys.map((key) => ({ kind: 'POSITION', key })));
    }
    this.render();
  }

  clearChain() {
    this.chain = [];
    this.render();
  }

  /** Draws overlaps: `[{id, label, holders: [{kind, key}]}]`, one dashed line per pair of holders. */
  async showOverlaps(overlaps) {
    const holders = overlaps.flatMap((o) => o.holders);
    await this.reveal(this.firstOf(holders));
    this.overlapEdges = [];
    for (const o of overlaps) {
      const ids = [...new Set(o.holders.map((h) => this.holderId(h)))];
      for (let i = 1; i < ids.length; i++) {
        this.overlapEdges.push({ id: `x:${o.id}:${i}`, source: ids[i - 1], target: ids[i], label: o.label, overlapId: o.id });
      }
    }
    this.render();
  }

  clearOverlaps() {
    this.overlapEdges = [];
    this.render();
  }

  async showOrphans(holders) {
    await this.reveal(this.firstOf(holders));
    this.orphans = new Set(holders.map((h) => this.holderId(h)));
    this.render();
  }

  clearOrphans() {
    this.orphans = new Set();
    this.render();
  }

  /**
   * The first holders an overlay opens the way to: REVEAL_UNITS in the unit tree, LINES_REVEAL
   * in the reporting tree (each costs requests there). The others are drawn when their place is
   * open anyway; the overlay's tab lists them all.
   */
  firstOf(holders) {
    const seen = new Set();
    const max = this.mode === 'lines' ? LINES_REVEAL : REVEAL_UNITS;
    return holders.filter((h) => {
      const id = nodeId(h.kind, h.key);
      if (seen.has(id) || seen.size >= max) return false;
      seen.add(id);
      return true;
    });
  }

  /** Centres the view on these nodes without zooming in further than a readable size. */
  focus(ids) {
    const nodes = this.cy.collection(ids.map((id) => this.cy.getElementById(id)).filter((n) => n.nonempty()));
    if (nodes.empty()) return;
    this.cy.fit(nodes, 80);
    if (this.cy.zoom() > 1.1) {
      this.cy.zoom(1.1);
      this.cy.center(nodes);
    }
  }

  flash(id) {
    const node = this.cy.getElementById(id);
    node.addClass('flash');
    setTimeout(() => node.removeClass('flash'), 1500);
  }

  /** The node at the top of the tree on screen (the organisation, or its single top unit). */
  rootNode() {
    return this.cy.getElementById(this.rootId ?? 'o');
  }

  /** Shows everything drawn, however small that makes it (never larger than a readable 110 %). */
  fit() {
    if (this.cy.elements().empty()) return;
    this.cy.fit(undefined, 30);
    if (this.cy.zoom() > 1.1) {
      this.cy.zoom(1.1);
      this.cy.center();
    }
  }

  /**
   * The first view of a tree: everything when that is legible, else the top of the tree at a
   * readable size with the root on screen, so the user sees where the tree starts.
   */
  overview() {
    this.fit();
    const root = this.rootNode();
    if (this.cy.zoom() >= READABLE_ZOOM || root.empty()) return;
    const box = this.cy.elements().boundingBox();
    const z = READABLE_ZOOM;
    this.cy.zoom(z);
    const r = root.position();
    let y = 20 - box.y1 * z;
    if (r.y * z + y > this.cy.height() - 40) y = this.cy.height() / 3 - r.y * z;
    this.cy.pan({ x: 30 - box.x1 * z, y });
  }

  zoomBy(factor) {
    const c = { x: this.cy.width() / 2, y: this.cy.height() / 2 };
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: c });
  }

  /** Renders, then pans so that the given node stays where the user clicked it. */
  renderKeeping(id) {
    const before = this.cy.getElementById(id);
    const at = before.nonempty() ? { ...before.renderedPosition() } : null;
    this.render();
    const after = this.cy.getElementById(id);
    if (at && after.nonempty()) {
      const now = after.renderedPosition();
      this.cy.panBy({ x: at.x - now.x, y: at.y - now.y });
    }
  }

  /**
   * The visible tree: in the unit tree, open units show their posts (head first) and subunits;
   * in the reporting tree, open posts show their direct reports; PAGE children at a time.
   * Returns the nodes, the tree's edges by child, and the layout's input.
   */
  visibleTree() {
    const nodes = [];
    const parentOf = new Map();
    const drawn = new Set();
    const tree = this.mode;
    const addChildren = (parentId, items, box, make) => {
      const narrow = this.narrow.has(parentId);
      const limit = this.limits[tree].get(parentId) ?? (narrow ? 0 : PAGE);
      const pins = this.pins[tree].get(parentId);
      const shown = items.filter((id, i) => (i < limit || pins?.has(id)) && !drawn.has(id));
      for (const id of shown) {
        drawn.add(id);
        parentOf.set(id, parentId);
        box.children.push(make(id));
      }
      // in the reporting tree a post's span counts the reports not read yet too
      const span = tree === 'lines' && parentId.startsWith('p:') ? this.positions.get(parentId.slice(2))?.span ?? 0 : 0;
      const hidden = Math.max(items.length, span) - shown.length - items.filter((id) => drawn.has(id) && !shown.includes(id)).length;
      const more = tree === 'lines' && parentId.startsWith('p:') && !narrow && this.reportsMore.get(parentId.slice(2));
      if (hidden > 0 || more) {
        const id = 'm:' + parentId;
        const label = hidden > 0 ? t('more', { n: hidden }) : t('more.posts');
        nodes.push({ data: { id, label, parentId, ...MORE_SIZE, textWidth: MORE_SIZE.w - 10 }, classes: 'more' });
        parentOf.set(id, parentId);
        box.children.push({ id, ...MORE_SIZE, children: [] });
      }
    };
    const unitNode = (key) => {
      const unit = this.units.get(key);
      const id = 'u:' + key;
      const isOpen = this.open.has(key);
      const posKeys = this.unitPositions.get(key);
      const count = unit.children.length;
      const sub = count && !isOpen ? ` · ${t('unit.subunits', { n: count })}` : '';
      const label = `${isOpen ? '▾' : '▸'} ${clip(unit.name, 13)}${sub ? '\n' + sub.slice(3) : ''}`;
      nodes.push({
        data: { id, label, ...UNIT_SIZE, textWidth: UNIT_SIZE.w - 12 },
        classes: ['unit', isOpen ? 'open' : 'closed', ...this.stateClasses(id)].join(' '),
      });
      const box = { id, ...UNIT_SIZE, children: [] };
      if (isOpen) {
        // the head, then the subunits, then the other posts: in a big unit the way down
        // matters more than the hundredth post
        const posts = (posKeys ?? []).map((k) => 'p:' + k);
        const head = posts.length && this.positions.get(posts[0].slice(2)).head ? posts.splice(0, 1) : [];
        const items = [...head, ...unit.children.map((k) => 'u:' + k), ...posts];
        addChildren(id, items, box, (child) => (child.startsWith('u:') ? unitNode(child.slice(2)) : positionNode(child.slice(2))));
      }
      return box;
    };
    const who = (p) => {
      const names = p.holders.map((h) => h.person.name + (h.acting ? ` (${t('acting')})` : ''));
      return p.vacant ? `— ${t('vacant')} —` : clip(names.slice(0, 2).join('、') + (names.length > 2 ? ` +${names.length - 2}` : ''), 15);
    };
    const positionNode = (key) => {
      const p = this.positions.get(key);
      const id = 'p:' + key;
      const seats = p.headcount > 1 ? ` ×${p.headcount}` : '';
      nodes.push({
        data: { id, label: `${p.head ? '★ ' : ''}${clip(p.title, 13)}${seats}\n${who(p)}`, ...POSITION_SIZE, textWidth: POSITION_SIZE.w - 12 },
        classes: ['position', p.vacant ? 'vacant' : 'filled', p.head ? 'head' : '', ...this.stateClasses(id)].join(' '),
      });
      // the head is whom the unit's posts report to: keep it beside the unit, out of any grid
      return { id, ...POSITION_SIZE, children: [], solo: p.head };
    };
    const linePostNode = (key) => {
      const p = this.positions.get(key);
      const id = 'p:' + key;
      const isOpen = this.openLines.has(key);
      const seats = p.headcount > 1 ? ` ×${p.headcount}` : '';
      const reports = p.span > 0 ? ` · ${isOpen ? '▾' : '▸'} ${t('lines.reports', { n: p.span })}` : '';
      const unit = this.units.get(p.unit)?.name ?? '';
      nodes.push({
        data: { id, label: `${clip(p.title, 14)}${seats}\n${who(p)}\n${clip(unit, 9)}${reports}`, ...LINE_SIZE, textWidth: LINE_SIZE.w - 12 },
        classes: ['position', 'line-post', p.vacant ? 'vacant' : 'filled', isOpen ? 'open' : 'closed', ...this.stateClasses(id)].join(' '),
      });
      const box = { id, ...LINE_SIZE, children: [] };
      if (isOpen) addChildren(id, (this.reportsOf.get(key) ?? []).map((k) => 'p:' + k), box, (child) => linePostNode(child.slice(2)));
      return box;
    };

    let root;
    const orgNode = () => {
      nodes.push({ data: { id: 'o', label: clip(this.orgName, 14), ...UNIT_SIZE, textWidth: UNIT_SIZE.w - 12 }, classes: 'org' });
      return { id: 'o', ...UNIT_SIZE, children: [] };
    };
    if (tree === 'lines') {
      root = orgNode();
      addChildren('o', (this.tops ?? []).map((k) => 'p:' + k), root, (child) => linePostNode(child.slice(2)));
    } else if (this.roots.length === 1) {
      root = unitNode(this.roots[0]);
    } else {
      root = orgNode();
      addChildren('o', this.roots.map((k) => 'u:' + k), root, (child) => unitNode(child.slice(2)));
    }
    this.rootId = root.id;
    return { nodes, parentOf, root };
  }

  stateClasses(id) {
    const classes = [];
    if (this.selected === id) classes.push('selected');
    if (id.startsWith('p:') && this.chain.includes(id.slice(2))) classes.push('chain');
    if (this.orphans.has(id)) classes.push('orphan');
    if (this.overlapEdges.some((e) => e.source === id || e.target === id)) classes.push('overlapped');
    return classes;
  }

  /**
   * The tree's lines and boxes that join each post of the chain to the next: up from the lower
   * post to the node both hang from, and down to the upper one.
   */
  chainPath(parentOf, visible) {
    const path = new Set();
    for (let i = 1; i < this.chain.length; i++) {
      const a = 'p:' + this.chain[i - 1];
      const b = 'p:' + this.chain[i];
      if (!visible.has(a) || !visible.has(b)) continue;
      const up = [];
      for (let n = a; n; n = parentOf.get(n)) up.push(n);
      const meet = (() => {
        for (let n = b; n; n = parentOf.get(n)) if (up.includes(n)) return n;
        return null;
      })();
      if (!meet) continue;
      for (const start of [a, b]) {
        for (let n = start; n && n !== meet; n = parentOf.get(n)) path.add(n);
      }
    }
    return path;
  }

  render() {
    if (!this.org || this.units.size === 0) {
      this.cy.elements().remove();
      return;
    }
    const { nodes, parentOf, root } = this.visibleTree();
    const aspect = Math.max(0.8, Math.min(3, (this.cy.width() - 260) / Math.max(200, this.cy.height())));
    const positions = layoutTree(root, { aspect: Number.isFinite(aspect) ? aspect : 1.6 });
    // a grid of children hangs from its parent as one box: one line to the box, none to each child
    for (const frame of positions.frames) {
      nodes.push({ data: { id: frame.id, label: '', w: frame.w, h: frame.h, textWidth: 0 }, classes: 'frame' });
      positions.set(frame.id, { x: frame.x, y: frame.y });
      parentOf.set(frame.id, frame.parent);
      frame.members.forEach((member) => parentOf.set(member, frame.id));
    }
    const visible = new Set(nodes.map((n) => n.data.id));
    const onChain = this.chainPath(parentOf, visible);
    const edges = [];
    for (const [child, parent] of parentOf) {
      if (parent.startsWith('g:')) continue;
      edges.push({ data: { id: 't:' + child, source: parent, target: child }, classes: onChain.has(child) ? 'tree chain' : 'tree' });
    }
    for (const n of nodes) {
      // boxes the chain passes through: a grid's frame, a unit between two posts of the chain
      if (onChain.has(n.data.id) && !n.data.id.startsWith('p:')) n.classes += ' chain-path';
    }
    for (const e of this.overlapEdges) {
      if (visible.has(e.source) && visible.has(e.target) && e.source !== e.target) {
        edges.push({ data: { id: e.id, source: e.source, target: e.target, label: e.label, overlapId: e.overlapId }, classes: 'overlap' });
      }
    }
    const wanted = new Set([...nodes, ...edges].map((e) => e.data.id));
    this.cy.batch(() => {
      this.cy.elements().forEach((el) => {
        if (!wanted.has(el.id())) el.remove();
      });
      for (const n of nodes) {
        const el = this.cy.getElementById(n.data.id);
        const position = positions.get(n.data.id);
        if (el.empty()) {
          this.cy.add({ group: 'nodes', data: n.data, classes: n.classes, position });
        } else {
          el.data(n.data);
          el.classes(n.classes);
          el.position(position);
        }
      }
      for (const e of edges) {
        const el = this.cy.getElementById(e.data.id);
        if (el.nonempty() && (el.source().id() !== e.data.source || el.target().id() !== e.data.target)) el.remove();
        if (this.cy.getElementById(e.data.id).empty()) {
          this.cy.add({ group: 'edges', data: e.data, classes: e.classes });
        } else {
          this.cy.getElementById(e.data.id).data(e.data);
          this.cy.getElementById(e.data.id).classes(e.classes);
        }
      }
    });
  }
}
