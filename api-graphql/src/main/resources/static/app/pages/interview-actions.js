// The steps of the interview cycle, each a small form on the contact's page: what can be done next depends on
// where the interview stands.
import { html, nothing } from '/webjars/lit-html/lit-html.js';
import { browserTimeZone, CHANNELS, FORMATS, instantOf, label, newId } from '../format.js';
import { ApiError } from '../api.js';
import { formErrors, select, text, textarea } from '../forms.js';

const INTERVIEW = 'id status';

/** The steps an interview in this status can take next, in the order a person usually takes them. */
export function nextSteps(status) {
  switch (status) {
    case 'REQUESTED': return ['respond', 'confirm'];
    case 'ACCEPTED': return ['confirm'];
    case 'SCHEDULED': return ['prepare', 'notes', 'reschedule', 'cancel'];
    case 'HELD': return ['thanks', 'referral'];
    case 'THANKED': return ['referral'];
    default: return [];
  }
}

const STEP_NAMES = {
  respond: 'Record their answer', confirm: 'Confirm a meeting', prepare: 'Prepare questions', notes: 'Record notes',
  reschedule: 'Reschedule', cancel: 'Cancel meeting', thanks: 'Send thanks', referral: 'Add a referral',
};
export const stepName = (step) => STEP_NAMES[step];

/**
 * Each step: the form's fields and how its values become the mutation. `page` is the contact page (for the
 * question bank and the contact's details); `i` the interview.
 */
export const STEPS = {
  respond: {
    fields: ['response', 'at', 'note'],
    form: (page, i, e) => html`
      ${select('response', 'Their answer', e, ['ACCEPTED', 'DECLINED', 'NO_RESPONSE'], { labelOf: label, required: true })}
      ${text('note', 'Note', e)}`,
    send: (v, i) => ['mutation($input: RecordResponseInput!) { recordResponse(input: $input) { ' + INTERVIEW + ' } }',
      { input: { interviewId: i.id, response: v.response, note: v.note } }],
  },
  confirm: {
    fields: ['startsAt', 'durationMinutes', 'format', 'location', 'timeZone'],
    form: (page, i, e) => html`
      <div class="row">
        ${text('startsAt', 'Starts', e, { type: 'datetime-local', required: true, value: page.formTime(24 * 60) })}
        ${text('durationMinutes', 'Minutes', e, { type: 'number', required: true, value: String(i.requestedMinutes) })}
      </div>
      <div class="row">
        ${select('format', 'Format', e, FORMATS, { labelOf: label, required: true })}
        ${text('location', 'Where', e, { hint: 'An address or a video link.' })}
      </div>
      <p class="hint">Times are in ${browserTimeZone()}.</p>`,
    send: (v, i) => ['mutation($input: ConfirmMeetingInput!) { confirmMeeting(input: $input) { ' + INTERVIEW + ' } }',
      { input: { interviewId: i.id, startsAt: instantOf(v.startsAt), durationMinutes: Number(v.durationMinutes), format: v.format, location: v.location, timeZone: browserTimeZone() } }],
  },
  reschedule: {
    fields: ['startsAt', 'durationMinutes', 'location', 'reason'],
    form: (page, i, e) => html`
      <div class="row">
        ${text('startsAt', 'New start', e, { type: 'datetime-local', required: true, value: page.formTime(48 * 60) })}
        ${text('durationMinutes', 'Minutes', e, { type: 'number', value: String(i.meeting?.durationMinutes ?? '') })}
      </div>
      ${text('reason', 'Why', e)}`,
    send: (v, i) => ['mutation($input: RescheduleMeetingInput!) { rescheduleMeeting(input: $input) { ' + INTERVIEW + ' } }',
      { input: { interviewId: i.id, startsAt: instantOf(v.startsAt), durationMinutes: v.durationMinutes ? Number(v.durationMinutes) : null, reason: v.reason } }],
  },
  cancel: {
    fields: ['reason'],
    form: (page, i, e) => html`${text('reason', 'Why', e)}`,
    send: (v, i) => ['mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { ' + INTERVIEW + ' } }',
      { input: { interviewId: i.id, reason: v.reason } }],
  },
  prepare: {
    fields: ['questions', 'newQuestion'],
    form: (page, i, e) => html`
      <fieldset><legend>From your question bank</legend>
        ${page.questionBank.length === 0 ? html`<p class="hint">Your bank is empty: questions you add here are kept for next time.</p>` : nothing}
        ${page.questionBank.map((q) => html`
          <label class="check"><input type="checkbox" name="questions" value=${q.text} ?checked=${i.questions.includes(q.text)}> ${q.text}</label>`)}
        ${i.questions.filter((q) => !page.questionBank.some((b) => b.text === q)).map((q) => html`
          <label class="check"><input type="checkbox" name="questions" value=${q} checked> ${q}</label>`)}
      </fieldset>
      ${text('newQuestion', 'A new question', e, { hint: 'Added to your bank too.', placeholder: 'What does a typical week look like?' })}`,
    before: async (v, gql) => {
      if (v.newQuestion) {
        await gql('mutation($text: String!, $id: ID) { addQuestion(text: $text, id: $id) { id } }', { text: v.newQuestion, id: newId() });
      }
    },
    send: (v, i, form) => ['mutation($input: PrepareQuestionsInput!) { prepareQuestions(input: $input) { ' + INTERVIEW + ' } }',
      { input: { interviewId: i.id, questions: [...new FormData(form).getAll('questions'), ...(v.newQuestion ? [v.newQuestion] : [])] } }],
  },
  notes: {
    fields: ['heldAt', 'summary', 'answers', 'advice', 'nextSteps'],
    form: (page, i, e) => html`
      ${text('heldAt', 'Held', e, { type: 'datetime-local', required: true, value: page.formTime() })}
      ${textarea('summary', 'What you talked about', e, { rows: 4 })}
      ${i.questions.map((q, n) => html`
        <div class="field"><label for="answer-${n}">${q}</label><textarea id="answer-${n}" name="answer-${n}" rows="2"></textarea></div>`)}
      ${textarea('advice', 'Their advice', e)}
      ${textarea('nextSteps', 'Next steps', e)}`,
    send: (v, i) => ['mutation($input: RecordNotesInput!) { recordNotes(input: $input) { ' + INTERVIEW + ' } }',
      { input: { interviewId: i.id, heldAt: instantOf(v.heldAt), summary: v.summary, advice: v.advice, nextSteps: v.nextSteps,
        answers: i.questions.map((question, n) => ({ question, answer: v[`answer-${n}`] })).filter((a) => a.answer) } }],
  },
  thanks: {
    fields: ['sentAt', 'channel', 'message'],
    form: (page, i, e) => html`
      <div class="row">
        ${text('sentAt', 'Sent', e, { type: 'datetime-local', required: true, value: page.formTime() })}
        ${select('channel', 'How', e, CHANNELS, { labelOf: label, required: true })}
      </div>
      ${textarea('message', 'Message', e, { hint: 'Mention one piece of advice you will act on.' })}`,
    send: (v, i) => ['mutation($input: SendThanksInput!) { sendThanks(input: $input) { ' + INTERVIEW + ' } }',
      { input: { interviewId: i.id, sentAt: instantOf(v.sentAt), channel: v.channel, message: v.message } }],
  },
  referral: {
    fields: ['existing', 'givenName', 'familyName', 'organization', 'title', 'mayUseName', 'note'],
    form: (page, i, e) => html`
      <p class="hint">Someone ${page.contact.givenName} suggested you talk to next.</p>
      <div class="field">
        <label for="f-existing">Someone already in your contacts</label>
        <input id="f-existing" name="existing" list="existing-people" autocomplete="off" placeholder="Start typing a name"
          @input=${(event) => page.suggestPeople(event.target.value)}>
        <datalist id="existing-people">${page.suggestions.map((c) => html`<option value=${personLabel(c)}></option>`)}</datalist>
        ${e?.forField('existing') ? html`<p class="field-error" role="alert">${e.forField('existing')}</p>` : nothing}
      </div>
      <p class="or">or someone new, who joins your contacts introduced by ${page.contact.givenName}:</p>
      <div class="row">
        ${text('givenName', 'Given name', e)}
        ${text('familyName', 'Family name', e)}
      </div>
      <div class="row">
        ${text('title', 'Title', e)}
        ${text('organization', 'Organization', e)}
      </div>
      <label class="check"><input type="checkbox" name="mayUseName" value="yes"> ${page.contact.givenName} said I may mention their name</label>
      ${text('note', 'Note', e)}`,
    send: (v, i, form, page) => {
      const existing = v.existing ? page.suggestions.find((c) => personLabel(c) === v.existing) : null;
      if (v.existing && !existing) {
        throw new ApiError([{ message: 'Choose the person from the list, or leave this empty and add someone new below.', extensions: { field: 'existing' } }]);
      }
      const to = existing ? { toContactId: existing.id }
        : { newContact: { givenName: v.givenName, familyName: v.familyName, organization: v.organization, title: v.title, source: 'REFERRAL' } };
      return ['mutation($input: RecordReferralInput!) { recordReferral(input: $input) { id } }',
        { input: { id: newId(), interviewId: i.id, mayUseName: v.mayUseName === 'yes', note: v.note, ...to } }];
    },
  },
};

/** The form of one step, posted through the page (which shows errors and reloads). */
export function stepForm(page, step, interview) {
  const spec = STEPS[step];
  const error = page.errorOf(step);
  return html`
    <form class="step-form" data-step=${step} @submit=${(event) => page.runStep(event, step, interview)}>
      <h4>${stepName(step)}</h4>
      ${spec.form(page, interview, error)}
      ${formErrors(error, spec.fields)}
      <div class="actions">
        <button class="primary" ?disabled=${page.busy}>${stepName(step)}</button>
        <button type="button" class="link" @click=${() => page.closeStep()}>Close</button>
      </div>
    </form>`;
}

/** How a person shows in the list of suggestions: the name, and where they work to tell namesakes apart. */
const personLabel = (c) => (c.organization ? `${c.displayName} (${c.organization})` : c.displayName);
