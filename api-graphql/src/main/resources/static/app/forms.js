// Form plumbing shared by every page: reading a form, showing the API's refusal next to the field it names.
import { html, nothing } from '/webjars/lit-html/lit-html.js';

/** The form's fields as an object; empty texts left out, so the API keeps what it has. */
export function valuesOf(form) {
  const values = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() === '') continue;
    values[name] = typeof value === 'string' ? value.trim() : value;
  }
  return values;
}

export const listOf = (text) => (text ? text.split(',').map((t) => t.trim()).filter(Boolean) : undefined);

/**
 * A labelled input with its error below it; `error` is the page's last ApiError for this form.
 * `control` is the input itself (given the id and aria attributes to use).
 */
export function field(name, labelText, error, control, hint) {
  const message = error?.forField?.(name);
  return html`
    <div class="field ${message ? 'invalid' : ''}">
      <label for="f-${name}">${labelText}</label>
      ${control({ id: `f-${name}`, invalid: message ? 'true' : 'false', describedBy: message ? `e-${name}` : hint ? `h-${name}` : nothing })}
      ${hint && !message ? html`<p class="hint" id="h-${name}">${hint}</p>` : nothing}
      ${message ? html`<p class="field-error" id="e-${name}" role="alert">${message}</p>` : nothing}
    </div>`;
}

// `value` is written into the input whenever it differs from the last render's, over what the person typed: it must
// stay the same while the form is open (a default time comes from ContactPage.formTime, not from the clock).
export const text = (name, labelText, error, { value = '', required = false, type = 'text', hint, autocomplete = 'off', placeholder = '' } = {}) =>
  field(name, labelText, error, (a) => html`<input id=${a.id} name=${name} type=${type} .value=${value ?? ''} ?required=${required}
      autocomplete=${autocomplete} placeholder=${placeholder} aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`, hint);

export const textarea = (name, labelText, error, { value = '', rows = 3, hint } = {}) =>
  field(name, labelText, error, (a) => html`<textarea id=${a.id} name=${name} rows=${rows} .value=${value ?? ''}
      aria-invalid=${a.invalid} aria-describedby=${a.describedBy}></textarea>`, hint);

export const select = (name, labelText, error, options, { value, required = false, labelOf = (o) => o, blank } = {}) =>
  field(name, labelText, error, (a) => html`<select id=${a.id} name=${name} ?required=${required}
      aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>
      ${blank ? html`<option value="">${blank}</option>` : nothing}
      ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${labelOf(o)}</option>`)}
    </select>`);

/** What the API said that no field of the form shows. */
export function formErrors(error, shownFields) {
  if (!error) return nothing;
  const messages = error.general ? error.general(shownFields) : [String(error.message || error)];
  return messages.length ? html`<div class="form-error" role="alert">${messages.map((m) => html`<p>${m}</p>`)}</div>` : nothing;
}
