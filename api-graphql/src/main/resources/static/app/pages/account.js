// Signing up and signing in.
import { html, nothing } from '/webjars/lit-html/lit-html.js';
import { gql } from '../api.js';
import { text, formErrors, valuesOf } from '../forms.js';

class AccountForm {
  constructor(app) {
    this.app = app;
    this.error = null;
    this.busy = false;
  }

  async submit(event, mutation, fields) {
    event.preventDefault();
    this.busy = true;
    this.error = null;
    this.app.update();
    try {
      const data = await gql(mutation, valuesOf(event.target));
      this.app.notice = null;
      await this.app.signedIn(Object.values(data)[0].token);
    } catch (error) {
      this.error = error;
      this.busy = false;
      this.app.update();
      event.target.querySelector('[aria-invalid="true"]')?.focus();
    }
  }

  frame(heading, body) {
    return html`
      <section class="welcome">
        <div class="pitch">
          <p class="brand big"><img src="/app/icon.svg" alt="" width="40" height="40"> Rapport</p>
          <p class="lede">Informational interviews, from first hello to the next introduction.</p>
          <ul class="points">
            <li>Know who is waiting for an answer, who to thank and who to follow up with, every morning.</li>
            <li>See how everyone was introduced, and who can introduce you next.</li>
            <li>Every step of every relationship, kept.</li>
          </ul>
        </div>
        <div class="card auth">
          <h1 tabindex="-1">${heading}</h1>
          ${this.app.notice ? html`<p class="notice" role="status">${this.app.notice}</p>` : nothing}
          ${body}
        </div>
      </section>`;
  }
}

export class SignInPage extends AccountForm {
  title = 'Sign in';

  view() {
    const fields = ['email', 'password'];
    return this.frame('Sign in', html`
      <form @submit=${(e) => this.submit(e, 'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }', fields)}>
        ${text('email', 'Email', this.error, { type: 'email', required: true, autocomplete: 'username' })}
        ${text('password', 'Password', this.error, { type: 'password', required: true, autocomplete: 'current-password' })}
        ${formErrors(this.error, fields)}
        <button class="primary" ?disabled=${this.busy}>Sign in</button>
      </form>
      <p class="switch">New to Rapport? <a href="#/sign-up">Create an account</a></p>`);
  }
}

export class SignUpPage extends AccountForm {
  title = 'Create an account';

  view() {
    const fields = ['displayName', 'email', 'password'];
    return this.frame('Create your account', html`
      <form @submit=${(e) => this.submit(e, 'mutation($email: String!, $password: String!, $displayName: String!) { signUp(email: $email, password: $password, displayName: $displayName) { token } }', fields)}>
        ${text('displayName', 'Your name', this.error, { required: true, autocomplete: 'name' })}
        ${text('email', 'Email', this.error, { type: 'email', required: true, autocomplete: 'username' })}
        ${text('password', 'Password', this.error, { type: 'password', required: true, autocomplete: 'new-password', hint: 'At least 10 characters; a short sentence is easy to remember.' })}
        ${formErrors(this.error, fields)}
        <button class="primary" ?disabled=${this.busy}>Create account</button>
      </form>
      <p class="switch">Have an account? <a href="#/sign-in">Sign in</a></p>`);
  }
}
