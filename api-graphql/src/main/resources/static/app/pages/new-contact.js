// Adding a person: who they are, how to address them, how you found them.
import { html, nothing } from '/webjars/lit-html/lit-html.js';
import { gql } from '../api.js';
import { label, newId, SOURCES } from '../format.js';
import { formErrors, listOf, select, text, valuesOf } from '../forms.js';

const FIELDS = ['givenName', 'familyName', 'pronunciation', 'salutation', 'title', 'organization', 'emails', 'phones',
  'linkedinUrl', 'source', 'sourceDetail', 'tags', 'referredById'];

export class NewContactPage {
  title = 'Add a contact';

  constructor(app, referredBy) {
    this.app = app;
    this.referredBy = referredBy;
    this.introducer = null;
    this.error = null;
    this.busy = false;
    // One id per form: pressing Add twice (or a retried request) adds the person once.
    this.id = newId();
  }

  async load() {
    if (this.referredBy) {
      this.introducer = (await gql('query($id: ID!) { contact(id: $id) { id displayName } }', { id: this.referredBy })).contact;
    }
  }

  async submit(event) {
    event.preventDefault();
    const v = valuesOf(event.target);
    const input = {
      ...v, id: this.id, emails: listOf(v.emails), phones: listOf(v.phones), tags: listOf(v.tags),
      referredById: this.introducer?.id,
    };
    this.busy = true;
    this.app.update();
    try {
      const added = (await gql('mutation($input: AddContactInput!) { addContact(input: $input) { id } }', { input })).addContact;
      this.app.navigate(`#/contacts/${encodeURIComponent(added.id)}`);
    } catch (error) {
      this.error = error;
      this.busy = false;
      this.app.update();
      event.target.querySelector('[aria-invalid="true"]')?.focus();
    }
  }

  view() {
    const e = this.error;
    return html`
      <div class="page-head"><h1 tabindex="-1">Add a contact</h1></div>
      <form class="card form-grid" @submit=${(ev) => this.submit(ev)} novalidate>
        ${this.introducer ? html`<p class="notice wide">Introduced by <strong>${this.introducer.displayName}</strong></p>` : nothing}
        <fieldset class="wide"><legend>Who</legend>
          <div class="row">
            ${text('givenName', 'Given name', e, { required: true })}
            ${text('familyName', 'Family name', e)}
          </div>
          <div class="row">
            ${text('pronunciation', 'Pronunciation', e, { hint: 'How to say their name, e.g. "SHIV-awn".' })}
            ${text('salutation', 'Salutation', e, { hint: 'How to address them, e.g. "Dr. Okafor" or "Sam".' })}
          </div>
          <div class="row">
            ${text('title', 'Title', e)}
            ${text('organization', 'Organization', e)}
          </div>
        </fieldset>
        <fieldset class="wide"><legend>How to reach them</legend>
          <div class="row">
            ${text('emails', 'Email', e, { type: 'text', hint: 'Several? Separate them with commas.' })}
            ${text('phones', 'Phone', e)}
          </div>
          ${text('linkedinUrl', 'LinkedIn profile', e, { placeholder: 'https://www.linkedin.com/in/…' })}
        </fieldset>
        <fieldset class="wide"><legend>How you found them</legend>
          <div class="row">
            ${select('source', 'Source', e, SOURCES, { value: this.introducer ? 'REFERRAL' : 'ALUMNI', labelOf: label, required: true })}
            ${text('sourceDetail', 'Where exactly', e, { hint: 'The event, directory or group.' })}
          </div>
          ${text('tags', 'Tags', e, { hint: 'Comma-separated, e.g. design, fintech' })}
        </fieldset>
        ${formErrors(e, FIELDS)}
        <div class="actions wide">
          <button class="primary" ?disabled=${this.busy}>Add contact</button>
          <a href=${this.introducer ? `#/contacts/${encodeURIComponent(this.introducer.id)}` : '#/contacts'}>Cancel</a>
        </div>
      </form>`;
  }
}
