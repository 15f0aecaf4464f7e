// Contacts: search, filter by stage and tag, page through.
import { html, nothing } from '/webjars/lit-html/lit-html.js';
import { gql } from '../api.js';
import { day, label, STAGES } from '../format.js';

const PAGE_SIZE = 25;

export class ContactsPage {
  title = 'Contacts';

  constructor(app, query) {
    this.app = app;
    const params = new URLSearchParams(query || '');
    this.filter = { search: params.get('search') || '', stage: params.get('stage') || '', tag: params.get('tag') || '' };
    this.cursors = [null]; // where each page seen so far starts
    this.result = null;
    this.error = null;
  }

  async load() {
    const { search, stage, tag } = this.filter;
    try {
      const data = await gql(`query($first: Int, $after: String, $search: String, $stage: RelationshipStage, $tag: String) {
          contacts(first: $first, after: $after, search: $search, stage: $stage, tag: $tag) {
            totalCount pageInfo { hasNextPage endCursor }
            edges { node { id displayName organization title stage tags lastTouchAt nextFollowUpDue } } } }`,
        { first: PAGE_SIZE, after: this.cursors.at(-1), search: search || null, stage: stage || null, tag: tag || null });
      this.result = data.contacts;
      this.error = null;
    } catch (error) {
      this.error = error;
    }
  }

  async apply(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.filter = { search: form.get('search').trim(), stage: form.get('stage'), tag: form.get('tag').trim() };
    this.cursors = [null];
    const query = new URLSearchParams(Object.entries(this.filter).filter(([, v]) => v)).toString();
    history.replaceState(null, '', query ? `#/contacts?${query}` : '#/contacts');
    await this.load();
    this.app.update();
  }

  async turn(forward) {
    if (forward) this.cursors.push(this.result.pageInfo.endCursor);
    else this.cursors.pop();
    await this.load();
    this.app.update();
    this.app.root.querySelector('.contact-list')?.focus();
  }

  view() {
    const r = this.result;
    const pageNumber = this.cursors.length;
    return html`
      <div class="page-head">
        <h1 tabindex="-1">Contacts</h1>
        <a class="button primary" href="#/contacts/new">Add a contact</a>
      </div>
      <form class="filters card" role="search" @submit=${(e) => this.apply(e)}>
        <div class="field grow"><label for="search">Search</label>
          <input id="search" name="search" type="search" .value=${this.filter.search} placeholder="Name, organization, title or tag"></div>
        <div class="field"><label for="stage">Stage</label>
          <select id="stage" name="stage">
            <option value="">Any stage</option>
            ${STAGES.map((s) => html`<option value=${s} ?selected=${s === this.filter.stage}>${label(s)}</option>`)}
          </select></div>
        <div class="field"><label for="tag">Tag</label>
          <input id="tag" name="tag" .value=${this.filter.tag} placeholder="e.g. design"></div>
        <button class="primary">Search</button>
      </form>
      ${this.error ? html`<div class="form-error" role="alert"><p>${this.error.message}</p></div>` : nothing}
      ${!r ? html`<p class="loading">Loading contacts…</p>` : html`
        <p class="result-count" role="status">${r.totalCount === 1 ? '1 contact' : `${r.totalCount} contacts`}${this.filtered() ? ' match' : ''}</p>
        ${r.edges.length === 0 ? html`<p class="empty card">${this.filtered() ? 'Nobody matches. Try fewer words.' : 'No contacts yet.'}</p>` : html`
        <ul class="contact-list card" tabindex="-1">
          ${r.edges.map(({ node: c }) => html`
            <li>
              <a class="contact-row" href="#/contacts/${encodeURIComponent(c.id)}">
                <span class="avatar" aria-hidden="true">${initials(c.displayName)}</span>
                <span class="who"><span class="name">${c.displayName}</span>
                  <span class="meta">${[c.title, c.organization].filter(Boolean).join(' at ')}</span></span>
                <span class="tags">${c.tags.map((t) => html`<span class="tag">${t}</span>`)}</span>
                <span class="stage stage-${c.stage.toLowerCase()}">${label(c.stage)}</span>
                <span class="meta when">${c.lastTouchAt ? `In touch ${day(c.lastTouchAt)}` : ''}</span>
              </a>
            </li>`)}
        </ul>`}
        <nav class="pager" aria-label="Pages">
          <button ?disabled=${pageNumber === 1} @click=${() => this.turn(false)}>Previous</button>
          <span>Page ${pageNumber} of ${Math.max(1, Math.ceil(r.totalCount / PAGE_SIZE))}</span>
          <button ?disabled=${!r.pageInfo.hasNextPage} @click=${() => this.turn(true)}>Next</button>
        </nav>`}`;
  }

  filtered() {
    return Boolean(this.filter.search || this.filter.stage || this.filter.tag);
  }
}

export function initials(name) {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0].toUpperCase()).join('');
}
