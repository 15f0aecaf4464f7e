// One person: who they are, how they were introduced, every interview with the steps it can take next,
// keeping in touch, the relationship's history, and the contact as it stood on a chosen day.
import { html, nothing } from '/webjars/lit-html/lit-html.js';
import { gql } from '../api.js';
import { actor, CHANNELS, day, instantOf, label, localNow, meetingTime, moment, newId } from '../format.js';
import { formErrors, select, text, valuesOf } from '../forms.js';
import { nextSteps, stepForm, stepName, STEPS } from './interview-actions.js';
import { initials } from './contacts.js';

const CONTACT = `id displayName givenName familyName pronunciation salutation title organization emails phones linkedinUrl
  source sourceDetail tags stage addedAt lastTouchAt nextFollowUpDue followUpEveryDays archived
  referredBy { id displayName } referrals { id displayName organization }
  interviews { id status purpose channel requestedMinutes requestedAt respondedAt questions thanksSentAt thanksDueBy thanksOverdue
    meeting { startsAt durationMinutes format location timeZone }
    notes { heldAt summary advice nextSteps answers { question answer } }
    referrals { id mayUseName note to { id displayName organization } } }`;
const OPEN = ['REQUESTED', 'ACCEPTED', 'SCHEDULED'];
const HISTORY_PAGE = 100;
const HISTORY_ENTRY = 'sequence at happenedAt type summary actor';

export class ContactPage {
  constructor(app, id) {
    this.app = app;
    this.id = id;
    this.asOf = null;
    this.open = null; // the step form shown: 'request', 'touch', 'cadence', 'forget' or '<step>:<interview id>'
    this.openedAt = Date.now();
    this.errors = {};
    this.busy = false;
    this.history = [];
    this.historyNext = null;
    this.suggestions = [];
  }

  /** Contacts whose names start with what was typed, for choosing an existing person (a referral). */
  suggestPeople(typed) {
    clearTimeout(this.suggestTimer);
    this.suggestTimer = setTimeout(async () => {
      if (typed.trim().length < 2) return;
      const found = (await gql('query($search: String) { contacts(first: 8, search: $search) { edges { node { id displayName organization } } } }',
        { search: typed.replace(/\s*\(.*$/, '') })).contacts.edges.map((e) => e.node).filter((c) => c.id !== this.id);
      const chosen = this.suggestions.filter((c) => !found.some((f) => f.id === c.id));
      this.suggestions = [...found, ...chosen].slice(0, 20);
      this.app.update();
    }, 200);
  }

  get title() { return this.contact?.displayName ?? 'Contact'; }

  async load() {
    const data = await gql(`query($id: ID!, $asOf: DateTime, $first: Int) {
        contact(id: $id, asOf: $asOf) { ${CONTACT} }
        referralChain(contactId: $id) { id displayName }
        questionBank { id text topic }
        relationshipHistory(contactId: $id, first: $first) { edges { node { ${HISTORY_ENTRY} } } pageInfo { hasNextPage endCursor } } }`,
    { id: this.id, asOf: this.asOf, first: HISTORY_PAGE });
    this.contact = data.contact;
    this.chain = data.referralChain;
    this.questionBank = data.questionBank;
    this.history = data.relationshipHistory.edges.map((e) => e.node);
    this.historyNext = data.relationshipHistory.pageInfo.hasNextPage ? data.relationshipHistory.pageInfo.endCursor : null;
  }

  async moreHistory() {
    const data = await gql(`query($id: ID!, $after: String) { relationshipHistory(contactId: $id, first: ${HISTORY_PAGE}, after: $after) {
        edges { node { ${HISTORY_ENTRY} } } pageInfo { hasNextPage endCursor } } }`, { id: this.id, after: this.historyNext });
    this.history.push(...data.relationshipHistory.edges.map((e) => e.node));
    this.historyNext = data.relationshipHistory.pageInfo.hasNextPage ? data.relationshipHistory.pageInfo.endCursor : null;
    this.app.update();
  }

  errorOf(form) { return this.errors[form]; }

  /**
   * A date and time to start the open form's field with, fixed when the form opened: every render (a submit
   * renders first) would otherwise put a new "now" over what the person chose once the minute has turned.
   */
  formTime(offsetMinutes = 0) {
    return localNow(offsetMinutes, this.openedAt);
  }

  openStep(name) {
    this.open = name;
    this.openedAt = Date.now();
    this.errors = {};
    this.app.update();
    this.app.root.querySelector('.step-form input:not([type=hidden]), .step-form select, .step-form textarea')?.focus();
  }

  closeStep() {
    this.open = null;
    this.app.update();
  }

  /** Sends one step's mutation; on success reloads everything the step may have changed. */
  async perform(form, event, send) {
    event.preventDefault();
    this.busy = true;
    this.errors = {};
    this.app.update();
    try {
      await send(valuesOf(event.target));
      this.open = null;
      await this.load();
    } catch (error) {
      this.errors = { [form]: error };
    }
    this.busy = false;
    this.app.update();
    this.app.root.querySelector('.step-form [aria-invalid="true"]')?.focus();
  }

  runStep(event, step, interview) {
    const spec = STEPS[step];
    return this.perform(step, event, async (values) => {
      await spec.before?.(values, gql);
      await gql(...spec.send(values, interview, event.target, this));
    });
  }

  async showAsOf(event) {
    event.preventDefault();
    const date = new FormData(event.target).get('asOf');
    this.asOf = date ? new Date(`${date}T23:59:59`).toISOString() : null;
    this.open = null;
    await this.load();
    this.app.update();
  }

  async backToNow() {
    this.asOf = null;
    await this.load();
    this.app.update();
  }

  async forget() {
    this.busy = true;
    this.app.update();
    try {
      await gql('mutation($id: ID!) { forgetContact(id: $id) }', { id: this.id });
      this.app.navigate('#/contacts');
    } catch (error) {
      this.errors = { forget: error };
      this.busy = false;
      this.app.update();
    }
  }

  view() {
    const c = this.contact;
    if (!c && this.asOf) {
      return html`<div class="card"><h1 tabindex="-1">Not in your network yet</h1>
        <p class="notice past" role="status">On ${day(this.asOf)} this person was not in your network yet.
        <button class="link" @click=${() => this.backToNow()}>Back to today</button></p></div>`;
    }
    if (!c) return html`<div class="card empty"><h1 tabindex="-1">Not found</h1><p>This contact does not exist, or was forgotten.</p><a href="#/contacts">All contacts</a></div>`;
    const past = Boolean(this.asOf);
    return html`
      <article class="contact-page">
        <header class="card contact-head">
          <span class="avatar big" aria-hidden="true">${initials(c.displayName)}</span>
          <div class="who">
            <h1 tabindex="-1">${c.displayName}</h1>
            ${c.pronunciation ? html`<p class="pronunciation">Say “${c.pronunciation}”</p>` : nothing}
            <p class="meta">${[c.title, c.organization].filter(Boolean).join(' at ')}</p>
            ${c.salutation ? html`<p class="meta">Address as <strong>${c.salutation}</strong></p>` : nothing}
            <p class="badges"><span class="stage stage-${c.stage.toLowerCase()}" data-stage>${label(c.stage)}</span>
              ${c.tags.map((t) => html`<span class="tag">${t}</span>`)}
              ${c.archived ? html`<span class="tag">merged</span>` : nothing}</p>
          </div>
          <dl class="facts">
            ${c.emails.length ? html`<dt>Email</dt><dd>${c.emails.map((m) => html`<a href="mailto:${m}">${m}</a> `)}</dd>` : nothing}
            ${c.phones.length ? html`<dt>Phone</dt><dd>${c.phones.join(', ')}</dd>` : nothing}
            ${c.linkedinUrl ? html`<dt>LinkedIn</dt><dd><a href=${c.linkedinUrl} rel="noopener noreferrer" target="_blank">Profile</a></dd>` : nothing}
            <dt>Found</dt><dd>${label(c.source)}${c.sourceDetail ? html` · ${c.sourceDetail}` : nothing}, ${day(c.addedAt)}</dd>
            <dt>Last in touch</dt><dd>${c.lastTouchAt ? day(c.lastTouchAt) : 'not yet'}</dd>
            ${c.followUpEveryDays ? html`<dt>Follow up</dt><dd>every ${c.followUpEveryDays} days${c.nextFollowUpDue ? html`, next ${day(c.nextFollowUpDue)}` : nothing}</dd>` : nothing}
          </dl>
          ${past ? nothing : html`<div class="head-actions"><button @click=${() => this.openStep('edit')}>Edit details</button></div>`}
        </header>
        ${this.open === 'edit' ? this.editForm(c) : nothing}
        ${this.chain.length > 1 ? html`
          <nav class="card chain" aria-label="Introduced by">
            <h2>Introduced by</h2>
            <ol class="chain-list">${this.chain.map((p) => html`<li>${p.id === c.id ? html`<strong>${p.displayName}</strong>` : html`<a href="#/contacts/${encodeURIComponent(p.id)}">${p.displayName}</a>`}</li>`)}</ol>
          </nav>` : nothing}
        <section class="card as-of" aria-label="As it stood">
          <form class="inline" @submit=${(e) => this.showAsOf(e)}>
            <label for="as-of">See this contact as it stood on</label>
            <input id="as-of" name="asOf" type="date" max=${localNow().slice(0, 10)}>
            <button>Show</button>
          </form>
          ${past ? html`<p class="notice past" role="status">Details as they stood on ${day(this.asOf)}. <button class="link" @click=${() => this.backToNow()}>Back to today</button></p>` : nothing}
        </section>
        ${past ? nothing : this.cycle(c)}
        ${this.referralsView(c)}
        ${this.timeline()}
        ${past ? nothing : this.dangerZone(c)}
      </article>`;
  }

  cycle(c) {
    const openInterview = c.interviews.some((i) => OPEN.includes(i.status));
    const interviews = [...c.interviews].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
    return html`
      <section class="card" aria-labelledby="interviews-h">
        <div class="section-head">
          <h2 id="interviews-h">Interviews</h2>
          ${openInterview ? nothing : html`<button class="primary" @click=${() => this.openStep('request')}>Request an interview</button>`}
        </div>
        ${this.open === 'request' ? this.requestForm(c) : nothing}
        ${interviews.length === 0 && this.open !== 'request' ? html`<p class="empty">No interview asked for yet. Ask for 20 minutes: people say yes more often to a short, specific request.</p>` : nothing}
        ${interviews.map((i) => this.interviewView(i))}
      </section>
      <section class="card" aria-labelledby="touch-h">
        <div class="section-head">
          <h2 id="touch-h">Keeping in touch</h2>
          <div class="buttons">
            <button @click=${() => this.openStep('touch')}>Log a touch</button>
            <button @click=${() => this.openStep('cadence')}>Follow-up cadence</button>
          </div>
        </div>
        ${this.open === 'touch' ? this.touchForm(c) : nothing}
        ${this.open === 'cadence' ? this.cadenceForm(c) : nothing}
      </section>`;
  }

  interviewView(i) {
    const m = i.meeting;
    return html`
      <div class="interview status-${i.status.toLowerCase()}" data-interview=${i.id}>
        <div class="interview-head">
          <span class="status" data-status=${i.status}>${label(i.status)}</span>
          <span class="meta">Asked ${day(i.requestedAt)} by ${label(i.channel).toLowerCase()} for ${i.requestedMinutes} minutes</span>
        </div>
        ${i.purpose ? html`<p>${i.purpose}</p>` : nothing}
        ${m ? html`<p class="meeting">${label(m.format)} · ${meetingTime(m.startsAt)} · ${m.durationMinutes} min${m.location ? html` · ${m.location}` : nothing}</p>` : nothing}
        ${i.thanksDueBy && !i.thanksSentAt ? html`<p class="due ${i.thanksOverdue ? 'late' : ''}" data-thanks-due>${i.thanksOverdue ? 'Thanks overdue since' : 'Thank them by'} ${day(i.thanksDueBy)}</p>` : nothing}
        ${i.thanksSentAt ? html`<p class="meta">Thanked ${day(i.thanksSentAt)}</p>` : nothing}
        ${i.questions.length ? html`<details><summary>${i.questions.length} prepared question${i.questions.length > 1 ? 's' : ''}</summary><ul>${i.questions.map((q) => html`<li>${q}</li>`)}</ul></details>` : nothing}
        ${i.notes ? html`
          <div class="notes">
            ${i.notes.summary ? html`<p class="summary">${i.notes.summary}</p>` : nothing}
            ${i.notes.answers.map((a) => html`<p><strong>${a.question}</strong> ${a.answer}</p>`)}
            ${i.notes.advice ? html`<p><strong>Advice:</strong> ${i.notes.advice}</p>` : nothing}
            ${i.notes.nextSteps ? html`<p><strong>Next steps:</strong> ${i.notes.nextSteps}</p>` : nothing}
          </div>` : nothing}
        ${i.referrals.length ? html`<p class="meta">Suggested: ${i.referrals.map((r, n) => html`${n ? ', ' : ''}<a href="#/contacts/${encodeURIComponent(r.to.id)}">${r.to.displayName}</a>${r.mayUseName ? ' (may mention the name)' : ''}`)}</p>` : nothing}
        <div class="buttons">
          ${nextSteps(i.status).map((step) => html`<button class=${step === 'thanks' ? 'primary' : ''} @click=${() => this.openStep(`${step}:${i.id}`)}>${stepName(step)}</button>`)}
        </div>
        ${nextSteps(i.status).filter((step) => this.open === `${step}:${i.id}`).map((step) => stepForm(this, step, i))}
      </div>`;
  }

  requestForm(c) {
    const e = this.errors.request;
    const fields = ['channel', 'requestedMinutes', 'purpose', 'requestedAt'];
    return html`
      <form class="step-form" data-step="request" @submit=${(ev) => this.perform('request', ev, (v) => gql(
        'mutation($input: RequestInterviewInput!) { requestInterview(input: $input) { id } }',
        { input: { id: newId(), contactId: c.id, channel: v.channel, requestedMinutes: Number(v.requestedMinutes), purpose: v.purpose,
          requestedAt: instantOf(v.requestedAt), mentionReferrer: v.mentionReferrer === 'yes' } }))}>
        <h4>Request an interview</h4>
        <div class="row">
          ${select('channel', 'How', e, CHANNELS, { labelOf: label, required: true })}
          ${text('requestedMinutes', 'Minutes to ask for', e, { type: 'number', value: '20', required: true, hint: '15 to 30 is the usual ask.' })}
        </div>
        ${text('purpose', 'What you hope to learn', e)}
        ${text('requestedAt', 'Sent', e, { type: 'datetime-local', value: this.formTime(), hint: 'Recording a request you sent earlier? Set when.' })}
        ${c.referredBy ? html`<label class="check"><input type="checkbox" name="mentionReferrer" value="yes"> Mention that ${c.referredBy.displayName} introduced us</label>` : nothing}
        ${formErrors(e, fields)}
        <div class="actions"><button class="primary" ?disabled=${this.busy}>Record the request</button>
          <button type="button" class="link" @click=${() => this.closeStep()}>Close</button></div>
      </form>`;
  }

  touchForm(c) {
    const e = this.errors.touch;
    return html`
      <form class="step-form" data-step="touch" @submit=${(ev) => this.perform('touch', ev, (v) => gql(
        'mutation($input: LogTouchInput!) { logTouch(input: $input) { id } }',
        { input: { contactId: c.id, at: instantOf(v.at), channel: v.channel, note: v.note } }))}>
        <h4>Log a touch</h4>
        <div class="row">
          ${text('at', 'When', e, { type: 'datetime-local', value: this.formTime(), required: true })}
          ${select('channel', 'How', e, CHANNELS, { labelOf: label, required: true })}
        </div>
        ${text('note', 'Note', e, { placeholder: 'Sent the article we talked about' })}
        ${formErrors(e, ['at', 'channel', 'note'])}
        <div class="actions"><button class="primary" ?disabled=${this.busy}>Log it</button>
          <button type="button" class="link" @click=${() => this.closeStep()}>Close</button></div>
      </form>`;
  }

  cadenceForm(c) {
    const e = this.errors.cadence;
    const set = (everyDays) => gql('mutation($id: ID!, $days: Int) { setFollowUpCadence(contactId: $id, everyDays: $days) { id } }', { id: c.id, days: everyDays });
    return html`
      <form class="step-form" data-step="cadence" @submit=${(ev) => this.perform('cadence', ev, (v) => set(v.everyDays ? Number(v.everyDays) : null))}>
        <h4>Follow-up cadence</h4>
        ${text('everyDays', 'Follow up every … days', e, { type: 'number', value: String(c.followUpEveryDays ?? 90), hint: 'Every 60 to 90 days keeps a relationship warm.' })}
        ${formErrors(e, ['everyDays'])}
        <div class="actions"><button class="primary" ?disabled=${this.busy}>Set</button>
          ${c.followUpEveryDays ? html`<button type="button" @click=${(ev) => this.perform('cadence', { preventDefault() {}, target: ev.target.form }, () => set(null))}>Stop reminders</button>` : nothing}
          <button type="button" class="link" @click=${() => this.closeStep()}>Close</button></div>
      </form>`;
  }

  editForm(c) {
    const e = this.errors.edit;
    const fields = ['givenName', 'familyName', 'pronunciation', 'salutation', 'title', 'organization', 'emails', 'phones', 'linkedinUrl', 'tags'];
    // Every field is sent: one emptied here is cleared, as the API reads an empty text or list.
    const update = (form) => {
      const all = Object.fromEntries(new FormData(form));
      const list = (t) => t.split(',').map((x) => x.trim()).filter(Boolean);
      const input = { id: c.id };
      for (const name of fields) input[name] = ['emails', 'phones', 'tags'].includes(name) ? list(all[name]) : all[name].trim();
      return gql('mutation($input: UpdateContactInput!) { updateContact(input: $input) { id } }', { input });
    };
    return html`
      <form class="card step-form edit" data-step="edit" @submit=${(ev) => this.perform('edit', ev, () => update(ev.target))}>
        <h2>Edit ${c.displayName}</h2>
        <div class="row">${text('givenName', 'Given name', e, { value: c.givenName, required: true })}${text('familyName', 'Family name', e, { value: c.familyName })}</div>
        <div class="row">${text('pronunciation', 'Pronunciation', e, { value: c.pronunciation })}${text('salutation', 'Salutation', e, { value: c.salutation })}</div>
        <div class="row">${text('title', 'Title', e, { value: c.title })}${text('organization', 'Organization', e, { value: c.organization })}</div>
        <div class="row">${text('emails', 'Email', e, { value: c.emails.join(', ') })}${text('phones', 'Phone', e, { value: c.phones.join(', ') })}</div>
        ${text('linkedinUrl', 'LinkedIn profile', e, { value: c.linkedinUrl })}
        ${text('tags', 'Tags', e, { value: c.tags.join(', '), hint: 'Comma-separated' })}
        ${formErrors(e, fields)}
        <div class="actions"><button class="primary" ?disabled=${this.busy}>Save</button>
          <button type="button" class="link" @click=${() => this.closeStep()}>Close</button></div>
      </form>`;
  }

  referralsView(c) {
    return html`
      <section class="card" aria-labelledby="referrals-h">
        <div class="section-head">
          <h2 id="referrals-h">People ${c.givenName} introduced you to</h2>
          ${this.asOf ? nothing : html`<a class="button" href="#/contacts/new?referredBy=${encodeURIComponent(c.id)}">Add someone they introduced</a>`}
        </div>
        ${c.referrals.length ? html`<ul class="items">${c.referrals.map((r) => html`<li><div><a href="#/contacts/${encodeURIComponent(r.id)}">${r.displayName}</a>${r.organization ? html` <span class="muted">· ${r.organization}</span>` : nothing}</div></li>`)}</ul>`
          : html`<p class="empty">Nobody yet. At the end of a meeting, ask: “Who else should I talk to?”</p>`}
      </section>`;
  }

  timeline() {
    return html`
      <section class="card" aria-labelledby="history-h">
        <h2 id="history-h">History</h2>
        <ol class="timeline">
          ${this.history.map((h) => html`
            <li class="event type-${h.type}">
              <time datetime=${h.happenedAt ?? h.at}>${moment(h.happenedAt ?? h.at)}</time>
              ${h.happenedAt && day(h.happenedAt) !== day(h.at) ? html`<span class="recorded">recorded ${day(h.at)}</span>` : nothing}
              <p class="summary">${h.summary}</p>
              <p class="meta">by ${actor(h.actor, this.app.me.id)}</p>
            </li>`)}
        </ol>
        ${this.historyNext ? html`<button @click=${() => this.moreHistory()}>Show more</button>` : nothing}
      </section>`;
  }

  dangerZone(c) {
    return html`
      <section class="card danger" aria-labelledby="forget-h">
        <h2 id="forget-h">Forget ${c.displayName}</h2>
        <p>Erases their name, details and your notes about them everywhere. The history keeps only that something happened.</p>
        ${this.open === 'forget' ? html`
          <p class="warning" role="alert">This cannot be undone.</p>
          ${formErrors(this.errors.forget, [])}
          <div class="buttons"><button class="danger" ?disabled=${this.busy} @click=${() => this.forget()}>Forget ${c.displayName} for good</button>
          <button class="link" @click=${() => this.closeStep()}>Keep</button></div>`
        : html`<button @click=${() => this.openStep('forget')}>Forget this person…</button>`}
      </section>`;
  }
}
