// The org chart: units, their posts and the people holding them, drawn with Cytoscape.js.
//
// Big organisations stay responsive because nothing is drawn that the user did not open: the
// unit tree (keys and names only) is read once, a unit's posts are read when it is opened, and
// an open unit shows at most PAGE children until "+ N more" is clicked. Everything drawn is
// derived from a little state (open units, pinned children, selection, overlays) by render().

import { gql } from './api.js';
import { clip, layoutTree } from './layout.js';
import { t } from './i18n.js';

export const PAGE = 40;
const SMALL_ORG_UNITS = 12;
const UNIT_SIZE = { w: 210, h: 46 };
const POSITION_SIZE = { w: 210, h: 52 };
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
    },
  },
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
    },
  },
  {
    selector: 'edge.chain',
    style: {
      width: 3,
      'line-color': '#d35400',
      'target-arrow-color': '#d35400',
      'target-arrow-shape': 'triangle',
      'curve-style': 'unbundled-bezier',
      // posts of one chain often sit in one column: bow the line out so it passes beside them
      'control-point-distances': (edge) => bow(edge, 1),
      'control-point-weights': 0.5,
      'z-index': 10,
    },
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
    // eslint-disable-next-line no-undef
    this.cy = cytoscape({
      container,
      style: STYLE,
      minZoom: 0.08,
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
    this.limits = new Map();
    this.pinned = new Map();
    this.pinnedRoots = null;
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
    const first = this.units.size <= SMALL_ORG_UNITS ? [...this.units.keys()] : this.roots.slice(0, PAGE);
    first.forEach((key) => this.open.add(key));
    await this.loadPositions(first);
    this.render();
    this.fit();
  }

  get unitCount() {
    return this.units.size;
  }

  /** The posts of units not read yet, in one request. */
  async loadPositions(unitKeys) {
    const missing = [...new Set(unitKeys)].filter((key) => !this.unitPositions.has(key));
    for (let i = 0; i < missing.length; i += 50) {
      const batch = missing.slice(i, i + 50);
      const vars = batch.map((_, j) => `$u${j}: ID!`).join(', ');
      const fields = batch
        .map((_, j) => `u${j}: unit(key: $u${j}, revision: $rev) { key head { key } positions { ${POSITION_FIELDS} } }`)
        .join('\n');
      const variables = { org: this.org, rev: this.rev };
      batch.forEach((key, j) => (variables['u' + j] = key));
      const org = this.org;
      const data = await gql(`query ChartPositions($org: ID!, $rev: Int, ${vars}) { organization(key: $org) { ${fields} } }`, variables);
      if (this.org !== org) return;
      batch.forEach((key, j) => {
        const unit = data.organization['u' + j];
        const headKey = unit?.head?.key ?? null;
        const list = (unit?.positions ?? []).slice();
        // the head first: it is whom the rest of the unit reports to by default
        list.sort((a, b) => (b.key === headKey) - (a.key === headKey));
        for (const p of list) this.positions.set(p.key, { ...p, unit: key, head: p.key === headKey });
        this.unitPositions.set(key, list.map((p) => p.key));
      });
    }
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

  pin(parentKey, childId) {
    if (!this.pinned.has(parentKey)) this.pinned.set(parentKey, new Set());
    this.pinned.get(parentKey).add(childId);
  }

  /**
   * Opens whatever is needed to show these units and posts (`{kind, key}`), however deep or
   * far down a long list they are. Returns the ids of the ones that exist.
   */
  async reveal(items) {
    const unknown = items.filter((i) => i.kind === 'POSITION' && !this.positions.has(i.key)).map((i) => i.key);
    const positionUnits = new Map();
    for (let i = 0; i < unknown.length; i += 50) {
      const batch = unknown.slice(i, i + 50);
      const vars = batch.map((_, j) => `$p${j}: ID!`).join(', ');
      const fields = batch.map((_, j) => `p${j}: position(key: $p${j}, revision: $rev) { key unit { key } }`).join('\n');
      const variables = { org: this.org, rev: this.rev };
      batch.forEach((key, j) => (variables['p' + j] = key));
      const data = await gql(`query ChartReveal($org: ID!, $rev: Int, ${vars}) { organization(key: $org) { ${fields} } }`, variables);
      batch.forEach((key, j) => {
        const p = data.organization['p' + j];
        if (p) positionUnits.set(key, p.unit.key);
      });
    }
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
    toOpen.forEach((key) => this.open.add(key));
    for (const { item, path } of plans) {
      for (let i = 1; i < path.length; i++) this.pin(path[i - 1], 'u:' + path[i]);
      if (item.kind === 'POSITION') this.pin(path[path.length - 1], 'p:' + item.key);
      this.pinnedRoots ??= new Set();
      this.pinnedRoots.add(path[0]);
    }
    return ids.filter((id) => this.isKnown(id));
  }

  isKnown(id) {
    return id.startsWith('u:') ? this.units.has(id.slice(2)) : this.positions.has(id.slice(2));
  }

  async toggle(unitKey) {
    if (this.open.has(unitKey)) {
      this.open.delete(unitKey);
    } else {
      await this.loadPositions([unitKey]);
      this.open.add(unitKey);
    }
    this.renderKeeping('u:' + unitKey);
  }

  collapseAll() {
    this.open = new Set(this.roots.slice(0, PAGE));
    this.pinned.clear();
    this.pinnedRoots = null;
    this.limits.clear();
    this.render();
    this.fit();
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
      } else if (id.startsWith('m:')) {
        const parent = node.data('parentKey');
        this.limits.set(parent, (this.limits.get(parent) ?? PAGE) + PAGE);
        this.renderKeeping(id);
      }
    } catch (e) {
      this.onError(e);
    }
  }

  select(id) {
    this.selected = id;
    this.cy.nodes('.selected').removeClass('selected');
    this.cy.getElementById(id).addClass('selected');
  }

  /** Highlights a chain of command: post keys from the starting post (depth 0) to the top. */
  async showChain(keys) {
    this.chain = keys;
    await this.reveal(keys.map((key) => ({ kind: 'POSITION', key })));
    this.render();
  }

  clearChain() {
    this.chain = [];
    this.render();
  }

  /** Draws overlaps: `[{id, label, holders: [{kind, key}]}]`, one dashed line per pair of holders. */
  async showOverlaps(overlaps) {
    const holders = overlaps.flatMap((o) => o.holders);
    await this.reveal(holders);
    this.overlapEdges = [];
    for (const o of overlaps) {
      const ids = [...new Set(o.holders.map((h) => nodeId(h.kind, h.key)))];
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
    await this.reveal(holders);
    this.orphans = new Set(holders.map((h) => nodeId(h.kind, h.key)));
    this.render();
  }

  clearOrphans() {
    this.orphans = new Set();
    this.render();
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

  /** Shows everything when it is legible, else the top of the tree at a readable size. */
  fit() {
    this.cy.fit(undefined, 30);
    if (this.cy.zoom() > 1.1) {
      this.cy.zoom(1.1);
      this.cy.center();
    } else if (this.cy.zoom() < 0.6) {
      const box = this.cy.elements().boundingBox();
      this.cy.zoom(0.8);
      this.cy.pan({ x: 30 - box.x1 * 0.8, y: 20 - box.y1 * 0.8 });
    }
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

  /** The visible tree: open units show their posts (head first) and subunits, PAGE at a time. */
  visibleTree() {
    const nodes = [];
    const edges = [];
    const addChildren = (parentKey, parentId, items, box) => {
      const limit = this.limits.get(parentKey) ?? PAGE;
      const pins = parentKey === null ? this.pinnedRoots : this.pinned.get(parentKey);
      const shown = items.filter((id, i) => i < limit || pins?.has(id));
      for (const id of shown) {
        const child = id.startsWith('u:') ? unitNode(id.slice(2)) : positionNode(id.slice(2));
        box.children.push(child);
        edges.push({ data: { id: 't:' + id, source: parentId, target: id }, classes: 'tree' });
      }
      const hidden = items.length - shown.length;
      if (hidden > 0) {
        const id = 'm:' + (parentKey ?? '');
        nodes.push({ data: { id, label: t('more', { n: hidden }), parentKey, ...MORE_SIZE, textWidth: MORE_SIZE.w - 10 }, classes: 'more' });
        edges.push({ data: { id: 't:' + id, source: parentId, target: id }, classes: 'tree' });
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
        addChildren(key, id, items, box);
      }
      return box;
    };
    const positionNode = (key) => {
      const p = this.positions.get(key);
      const id = 'p:' + key;
      const names = p.holders.map((h) => h.person.name + (h.acting ? ` (${t('acting')})` : ''));
      const who = p.vacant ? `— ${t('vacant')} —` : clip(names.slice(0, 2).join('、') + (names.length > 2 ? ` +${names.length - 2}` : ''), 15);
      const seats = p.headcount > 1 ? ` ×${p.headcount}` : '';
      nodes.push({
        data: { id, label: `${p.head ? '★ ' : ''}${clip(p.title, 13)}${seats}\n${who}`, ...POSITION_SIZE, textWidth: POSITION_SIZE.w - 12 },
        classes: ['position', p.vacant ? 'vacant' : 'filled', p.head ? 'head' : '', ...this.stateClasses(id)].join(' '),
      });
      return { id, ...POSITION_SIZE, children: [] };
    };

    let root;
    if (this.roots.length === 1) {
      root = unitNode(this.roots[0]);
    } else {
      nodes.push({ data: { id: 'o', label: clip(this.orgName, 14), ...UNIT_SIZE, textWidth: UNIT_SIZE.w - 12 }, classes: 'org' });
      root = { id: 'o', ...UNIT_SIZE, children: [] };
      addChildren(null, 'o', this.roots.map((k) => 'u:' + k), root);
    }
    const visible = new Set(nodes.map((n) => n.data.id));
    for (let i = 1; i < this.chain.length; i++) {
      const source = 'p:' + this.chain[i - 1];
      const target = 'p:' + this.chain[i];
      if (visible.has(source) && visible.has(target)) {
        edges.push({ data: { id: `c:${i}`, source, target }, classes: 'chain' });
      }
    }
    for (const e of this.overlapEdges) {
      if (visible.has(e.source) && visible.has(e.target) && e.source !== e.target) {
        edges.push({ data: { id: e.id, source: e.source, target: e.target, label: e.label, overlapId: e.overlapId }, classes: 'overlap' });
      }
    }
    return { nodes, edges, root };
  }

  stateClasses(id) {
    const classes = [];
    if (this.selected === id) classes.push('selected');
    if (id.startsWith('p:') && this.chain.includes(id.slice(2))) classes.push('chain');
    if (this.orphans.has(id)) classes.push('orphan');
    if (this.overlapEdges.some((e) => e.source === id || e.target === id)) classes.push('overlapped');
    return classes;
  }

  render() {
    if (!this.org || this.units.size === 0) {
      this.cy.elements().remove();
      return;
    }
    const { nodes, edges, root } = this.visibleTree();
    const positions = layoutTree(root);
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
        if (this.cy.getElementById(e.data.id).empty()) this.cy.add({ group: 'edges', data: e.data, classes: e.classes });
        else this.cy.getElementById(e.data.id).data(e.data);
      }
    });
  }
}
