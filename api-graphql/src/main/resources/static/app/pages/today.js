// Today: what is due, what is waiting, how the search is going. Live through dashboardChanged.
import { html, nothing } from '/webjars/lit-html/lit-html.js';
import { gql, subscribe } from '../api.js';
import { day, daysFromNow, label, meetingTime, percent, relativeDays, STAGES } from '../format.js';

const DASHBOARD = `
  contacts responseRate referralsPerInterview
  byStage { stage count }
  upcomingMeetings { id contact { id displayName organization } meeting { startsAt durationMinutes format location } }
  thanksDue { id contact { id displayName organization } meeting { startsAt } thanksDueBy thanksOverdue }
  followUpsDue { id displayName organization nextFollowUpDue lastTouchAt }
  awaitingResponse { id contact { id displayName organization } requestedAt channel }`;

/** What to do about a request nobody answered yet, by how long it has waited. */
export function nudgeFor(requestedAt) {
  const waited = -daysFromNow(requestedAt);
  if (waited < 7) return { level: 'wait', text: `Give it time: nudge on ${day(new Date(new Date(requestedAt).getTime() + 7 * 86400000).toISOString())} if there is no answer.` };
  if (waited < 14) return { level: 'nudge', text: 'A week without an answer: send a two-line follow-up, restating the 20-minute ask.' };
  return { level: 'stale', text: 'Two weeks without an answer: mark it as no response and ask someone else.' };
}

export class TodayPage {
  title = 'Today';

  constructor(app) {
    this.app = app;
    this.dashboard = null;
    this.error = null;
  }

  async load() {
    await this.fetch();
    this.stop = subscribe(`subscription { dashboardChanged { ${DASHBOARD} } }`, {}, (data) => {
      this.dashboard = data.dashboardChanged;
      this.app.update();
    }, { onReconnect: () => this.reload() });
  }

  async fetch() {
    this.dashboard = (await gql(`{ dashboard { ${DASHBOARD} } }`)).dashboard;
  }

  async reload() {
    await this.fetch();
    this.app.update();
  }

  dispose() {
    this.stop?.();
  }

  async markNoResponse(interviewId) {
    try {
      await gql('mutation($id: ID!) { recordResponse(input: {interviewId: $id, response: NO_RESPONSE}) { id } }', { id: interviewId });
      await this.reload();
    } catch (error) {
      this.error = error;
      this.app.update();
    }
  }

  view() {
    const d = this.dashboard;
    if (!d) return html`<p class="loading">Loading your day…</p>`;
    const who = (c) => html`<a href="#/contacts/${encodeURIComponent(c.id)}">${c.displayName}</a>${c.organization ? html` <span class="muted">· ${c.organization}</span>` : nothing}`;
    return html`
      <div class="page-head">
        <h1 tabindex="-1">Today</h1>
        <a class="button primary" href="#/contacts/new">Add a contact</a>
      </div>
      ${this.error ? html`<div class="form-error" role="alert"><p>${this.error.message}</p></div>` : nothing}
      ${d.contacts === 0 ? this.firstSteps() : nothing}
      <section class="stats" aria-label="Your numbers">
        <div class="stat"><span class="figure" data-stat="contacts">${d.contacts}</span><span>contacts</span></div>
        <div class="stat"><span class="figure" data-stat="response-rate">${percent(d.responseRate)}</span><span>of requests answered</span></div>
        <div class="stat"><span class="figure" data-stat="referrals">${d.referralsPerInterview == null ? '—' : d.referralsPerInterview.toFixed(1)}</span><span>referrals per interview</span></div>
      </section>
      <div class="grid">
        <section class="card" id="thanks-due" aria-labelledby="thanks-h">
          <h2 id="thanks-h">Thank-you notes due <span class="count">${d.thanksDue.length}</span></h2>
          ${list(d.thanksDue, 'Nobody to thank right now.', (i) => html`
            <li class=${i.thanksOverdue ? 'overdue' : ''}>
              <div>${who(i.contact)}<p class="meta">Met ${day(i.meeting?.startsAt)}</p></div>
              <span class="due ${i.thanksOverdue ? 'late' : ''}">${i.thanksOverdue ? 'Overdue since' : 'By'} ${day(i.thanksDueBy)}</span>
            </li>`)}
        </section>
        <section class="card" id="awaiting" aria-labelledby="awaiting-h">
          <h2 id="awaiting-h">Waiting for an answer <span class="count">${d.awaitingResponse.length}</span></h2>
          ${list(d.awaitingResponse, 'No open requests.', (i) => {
            const nudge = nudgeFor(i.requestedAt);
            return html`
              <li>
                <div>${who(i.contact)}<p class="meta">Asked ${relativeDays(i.requestedAt)} by ${label(i.channel).toLowerCase()}</p>
                  <p class="nudge ${nudge.level}">${nudge.text}</p></div>
                ${nudge.level === 'stale' ? html`<button class="small" @click=${() => this.markNoResponse(i.id)}>No response</button>` : nothing}
              </li>`;
          })}
        </section>
        <section class="card" id="follow-ups" aria-labelledby="follow-h">
          <h2 id="follow-h">Follow-ups due <span class="count">${d.followUpsDue.length}</span></h2>
          ${list(d.followUpsDue, 'Nobody to follow up with today.', (c) => html`
            <li>
              <div>${who(c)}<p class="meta">${c.lastTouchAt ? html`Last in touch ${day(c.lastTouchAt)}` : 'Not in touch yet'}</p></div>
              <span class="due">Due ${relativeDays(c.nextFollowUpDue)}</span>
            </li>`)}
        </section>
        <section class="card" id="upcoming" aria-labelledby="upcoming-h">
          <h2 id="upcoming-h">Coming up <span class="count">${d.upcomingMeetings.length}</span></h2>
          ${list(d.upcomingMeetings, 'No meetings in the next two weeks.', (i) => html`
            <li>
              <div>${who(i.contact)}<p class="meta">${label(i.meeting.format)}, ${i.meeting.durationMinutes} min${i.meeting.location ? html` · ${i.meeting.location}` : nothing}</p></div>
              <span class="due">${meetingTime(i.meeting.startsAt)}</span>
            </li>`)}
        </section>
        <section class="card wide" id="funnel" aria-labelledby="funnel-h">
          <h2 id="funnel-h">Where your relationships stand</h2>
          ${this.funnel(d)}
        </section>
      </div>`;
  }

  funnel(d) {
    const counts = new Map(d.byStage.map((s) => [s.stage, s.count]));
    const most = Math.max(1, ...d.byStage.map((s) => s.count));
    return html`
      <dl class="funnel">
        ${STAGES.map((stage) => html`
          <div class="stage-row">
            <dt><a href="#/contacts?stage=${stage}">${label(stage)}</a></dt>
            <dd><progress max=${most} .value=${counts.get(stage) ?? 0} aria-label="${label(stage)}"></progress>
              <span class="stage-count" data-stage=${stage}>${counts.get(stage) ?? 0}</span></dd>
          </div>`)}
      </dl>`;
  }

  firstSteps() {
    const canImport = this.app.plugin('linkedin-import');
    return html`
      <section class="card first-steps">
        <h2>Start with the people you know</h2>
        <p>Add someone you would like to learn from: an alumna in the field you are curious about, a colleague of a friend, a speaker you met.</p>
        <p><a class="button primary" href="#/contacts/new">Add your first contact</a>
          ${canImport ? html` or <a href="#/import">import your LinkedIn connections</a>` : nothing}</p>
      </section>`;
  }
}

function list(items, empty, item) {
  return items.length ? html`<ul class="items">${items.map(item)}</ul>` : html`<p class="empty">${empty}</p>`;
}
