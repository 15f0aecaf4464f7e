// Import & calendar: bring a LinkedIn export in, with progress; the calendar feed to subscribe to. Each part shows
// only when its plugin runs on this server.
import { html, nothing } from '/webjars/lit-html/lit-html.js';
import { gql, subscribe, upload } from '../api.js';
import { formErrors } from '../forms.js';

const JOB = 'id status total created updated skipped failed failure errors { line message }';

export class ImportPage {
  title = 'Import & calendar';

  constructor(app) {
    this.app = app;
    this.job = null;
    this.error = null;
    this.feedUrl = null;
    this.copied = false;
  }

  async load() {
    if (this.app.plugin('calendar-sync')) {
      this.feedUrl = (await gql('{ calendarSync { feedUrl } }')).calendarSync.feedUrl;
    }
  }

  dispose() {
    this.stop?.();
  }

  async send(event) {
    event.preventDefault();
    const file = event.target.elements.file.files[0];
    this.error = null;
    this.job = null;
    try {
      const { id } = await upload('/plugins/linkedin-import/imports', file);
      this.job = { id, status: 'RUNNING', created: 0, updated: 0, skipped: 0, failed: 0, errors: [] };
      this.app.update();
      this.stop = subscribe(`subscription($id: ID!) { importJobChanged(id: $id) { ${JOB} } }`, { id }, (data) => {
        this.job = data.importJobChanged;
        this.app.update();
      }, { onReconnect: () => this.refresh(id) });
      await this.refresh(id); // a small file may be done before the subscription starts
    } catch (error) {
      this.error = error;
    }
    this.app.update();
  }

  async refresh(id) {
    const job = (await gql(`query($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id })).importJob;
    if (job && (!this.job || done(job) || processed(job) >= processed(this.job))) this.job = job;
    this.app.update();
  }

  async copyFeed() {
    await navigator.clipboard.writeText(this.feedUrl);
    this.copied = true;
    this.app.update();
  }

  view() {
    const linkedin = this.app.plugin('linkedin-import');
    return html`
      <div class="page-head"><h1 tabindex="-1">Import & calendar</h1></div>
      ${linkedin ? this.importView() : nothing}
      ${this.feedUrl ? html`
        <section class="card" aria-labelledby="feed-h">
          <h2 id="feed-h">Your meetings in your calendar</h2>
          <p>Add this address to Google Calendar, Apple Calendar, Outlook or Thunderbird ("add calendar from URL"):
            confirmed meetings, thank-you deadlines and follow-ups appear there and stay up to date.</p>
          <div class="copy-row">
            <input id="feed-url" readonly .value=${this.feedUrl} aria-label="Calendar feed address">
            <button @click=${() => this.copyFeed()}>${this.copied ? 'Copied' : 'Copy'}</button>
          </div>
          <p class="hint">Keep it private: anyone with the address can read the feed.</p>
        </section>` : nothing}`;
  }

  importView() {
    const j = this.job;
    return html`
      <section class="card" aria-labelledby="import-h">
        <h2 id="import-h">Import your LinkedIn connections</h2>
        <p>On LinkedIn: Settings → Data privacy → "Get a copy of your data". Upload the archive (.zip) or the Connections.csv in it.
          Importing the same file again adds nobody twice.</p>
        <form class="inline" @submit=${(e) => this.send(e)}>
          <label for="file">Export file</label>
          <input id="file" name="file" type="file" accept=".zip,.csv" required>
          <button class="primary" ?disabled=${j && !done(j)}>Import</button>
        </form>
        ${formErrors(this.error, [])}
        ${j ? html`
          <div class="progress-box" role="status" aria-live="polite">
            <progress id="import-progress" max=${j.total ?? 1} .value=${j.total ? processed(j) : 0}></progress>
            <p data-import-status=${j.status}>${j.status === 'RUNNING' ? `Importing… ${processed(j)}${j.total ? ` of ${j.total}` : ''}`
              : j.status === 'DONE' ? 'Done.' : `The import stopped: ${j.failure}`}
              ${j.created} added, ${j.updated} updated, ${j.skipped} already there, ${j.failed} could not be read.</p>
            ${j.errors.length ? html`<details><summary>Rows that could not be read</summary>
              <ul>${j.errors.map((e) => html`<li>Line ${e.line}: ${e.message}</li>`)}</ul></details>` : nothing}
            ${done(j) ? html`<a class="button" href="#/contacts">See your contacts</a>` : nothing}
          </div>` : nothing}
      </section>`;
  }
}

const processed = (j) => j.created + j.updated + j.skipped + j.failed;
const done = (j) => j.status === 'DONE' || j.status === 'FAILED';
