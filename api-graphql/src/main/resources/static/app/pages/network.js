// Network: how everyone is linked to you, drawn; and warm paths to people at an organization.
import { html, nothing } from '/webjars/lit-html/lit-html.js';
import cytoscape from '/webjars/cytoscape/dist/cytoscape.esm.min.mjs';
import { gql } from '../api.js';

const COLORS = { SELF: '#3b4cca', CONTACT: '#1f9d8b', ORGANIZATION: '#d9962b' };

export class NetworkPage {
  title = 'Network';

  constructor(app) {
    this.app = app;
    this.graph = null;
    this.depth = 2;
    this.paths = null;
    this.pathError = null;
  }

  async load() {
    this.graph = (await gql(`query($depth: Int) { contactGraph(depth: $depth) { truncated nodes { id kind label } edges { from to kind } } }`,
      { depth: this.depth })).contactGraph;
  }

  shown() {
    this.draw();
  }

  dispose() {
    this.picture?.destroy();
  }

  draw() {
    const container = this.app.root.querySelector('#graph');
    if (!container || !this.graph) return;
    this.picture?.destroy();
    this.picture = cytoscape({
      container,
      elements: [
        ...this.graph.nodes.map((n) => ({ data: { id: n.id, label: n.label, kind: n.kind } })),
        ...this.graph.edges.map((e, n) => ({ data: { id: `e${n}`, source: e.from, target: e.to, kind: e.kind } })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 11, color: '#1d2433', 'text-valign': 'bottom', 'text-margin-y': 4, width: 18, height: 18 } },
        ...Object.entries(COLORS).map(([kind, color]) => ({ selector: `node[kind = "${kind}"]`, style: { 'background-color': color } })),
        { selector: 'node[kind = "SELF"]', style: { width: 30, height: 30, 'font-weight': 'bold' } },
        { selector: 'node[kind = "ORGANIZATION"]', style: { shape: 'round-rectangle' } },
        { selector: 'edge', style: { width: 1.5, 'line-color': '#c5cad6', 'curve-style': 'bezier' } },
        { selector: 'edge[kind = "REFERRED"]', style: { 'line-color': '#3b4cca', 'target-arrow-color': '#3b4cca', 'target-arrow-shape': 'triangle', width: 2 } },
        { selector: 'edge[kind = "MET"]', style: { 'line-color': '#1f9d8b', width: 2 } },
        { selector: 'edge[kind = "WORKS_AT"]', style: { 'line-style': 'dashed' } },
      ],
      layout: { name: 'cose', animate: false, padding: 30, nodeRepulsion: () => 9000 },
      wheelSensitivity: 0.3,
      maxZoom: 1.6, // a small network would otherwise fill the box with three giant dots
      minZoom: 0.15,
    });
    this.picture.on('tap', 'node[kind = "CONTACT"]', (event) => this.app.navigate(`#/contacts/${encodeURIComponent(event.target.id())}`));
  }

  async changeDepth(event) {
    this.depth = Number(event.target.value);
    await this.load();
    this.app.update();
    this.draw();
  }

  async findPaths(event) {
    event.preventDefault();
    const organization = new FormData(event.target).get('organization').trim();
    try {
      this.paths = (await gql(`query($organization: String!) { warmPaths(organization: $organization, first: 10) {
          hops { id displayName } target { id displayName title organization } } }`, { organization })).warmPaths;
      this.pathError = null;
    } catch (error) {
      this.pathError = error;
    }
    this.pathsFor = organization;
    this.app.update();
  }

  view() {
    const g = this.graph;
    const people = g ? g.nodes.filter((n) => n.kind === 'CONTACT') : [];
    return html`
      <div class="page-head"><h1 tabindex="-1">Network</h1></div>
      <section class="card" aria-labelledby="graph-h">
        <div class="section-head">
          <h2 id="graph-h">Who you met and who they introduced</h2>
          <label class="inline">Reach <select @change=${(e) => this.changeDepth(e)} aria-label="How far from you">
            ${[1, 2, 3, 4].map((d) => html`<option value=${d} ?selected=${d === this.depth}>${d} step${d > 1 ? 's' : ''}</option>`)}
          </select></label>
        </div>
        <ul class="legend" aria-hidden="true"><li class="self">You</li><li class="contact">Person</li><li class="organization">Organization</li><li class="referred">Introduced</li><li class="met">Met</li></ul>
        ${people.length === 0 ? html`<p class="empty">Your network appears here once you have met someone: record the notes of a meeting, then the people they introduce you to.</p>` : nothing}
        <div id="graph" class="graph" role="img" aria-label="Your network: ${people.length} people linked to you"></div>
        ${g?.truncated ? html`<p class="hint">Showing the 500 nearest; choose fewer steps to see the closest.</p>` : nothing}
        <details class="graph-list"><summary>The same as a list</summary>
          <ul>${g ? g.edges.map((e) => html`<li>${nameOf(g, e.from)} — ${e.kind.toLowerCase().replace('_', ' ')} — ${nameOf(g, e.to)}</li>`) : nothing}</ul>
        </details>
      </section>
      <section class="card" aria-labelledby="paths-h">
        <h2 id="paths-h">Warm paths to an organization</h2>
        <form class="inline" role="search" @submit=${(e) => this.findPaths(e)}>
          <label for="organization">Organization</label>
          <input id="organization" name="organization" required placeholder="e.g. Acme">
          <button class="primary">Find paths</button>
        </form>
        ${this.pathError ? html`<div class="form-error" role="alert"><p>${this.pathError.message}</p></div>` : nothing}
        ${this.paths ? (this.paths.length === 0
          ? html`<p class="empty">Nobody you know leads to ${this.pathsFor} yet.</p>`
          : html`<ol class="paths">${this.paths.map((p) => html`
              <li><span class="path">You → ${p.hops.map((h) => html`<a href="#/contacts/${encodeURIComponent(h.id)}">${h.displayName}</a> → `)}<a href="#/contacts/${encodeURIComponent(p.target.id)}"><strong>${p.target.displayName}</strong></a></span>
                <span class="meta">${[p.target.title, p.target.organization].filter(Boolean).join(' at ')}</span></li>`)}</ol>`) : nothing}
      </section>`;
  }
}

function nameOf(graph, id) {
  return graph.nodes.find((n) => n.id === id)?.label ?? id;
}
