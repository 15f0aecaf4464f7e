// The dashboard's shell: who is signed in, which page shows, the navigation around it.
import { html, render, nothing } from '/webjars/lit-html/lit-html.js';
import { gql, session, onSessionEnded } from './api.js';
import { SignInPage, SignUpPage } from './pages/account.js';
import { TodayPage } from './pages/today.js';
import { ContactsPage } from './pages/contacts.js';
import { NewContactPage } from './pages/new-contact.js';
import { ContactPage } from './pages/contact.js';
import { NetworkPage } from './pages/network.js';
import { ImportPage } from './pages/import.js';

const ROUTES = [
  { pattern: /^#\/sign-in$/, page: SignInPage, public: true },
  { pattern: /^#\/sign-up$/, page: SignUpPage, public: true },
  { pattern: /^#\/today$/, page: TodayPage },
  { pattern: /^#\/contacts(?:\?(.*))?$/, page: ContactsPage },
  { pattern: /^#\/contacts\/new(?:\?referredBy=(.+))?$/, page: NewContactPage },
  { pattern: /^#\/contacts\/(.+)$/, page: ContactPage },
  { pattern: /^#\/network$/, page: NetworkPage },
  { pattern: /^#\/import$/, page: ImportPage, needs: (app) => app.plugin('linkedin-import') || app.plugin('calendar-sync') },
];

class App {
  constructor(root) {
    this.root = root;
    this.me = null;
    this.plugins = [];
    this.notice = null;
    this.page = null;
    this.menuOpen = false;
    // Focus moves to a page's heading when the user navigated, not on the page's first load.
    this.focusMain = false;
    onSessionEnded((message) => {
      this.me = null;
      this.notice = message;
      this.navigate('#/sign-in');
    });
    window.addEventListener('hashchange', () => this.route());
  }

  /** A bundled or installed plugin that runs for this server, or undefined. */
  plugin(id) {
    return this.plugins.find((p) => p.id === id && p.state === 'RUNNING');
  }

  navigate(hash) {
    if (location.hash === hash) this.route();
    else location.hash = hash;
  }

  async signedIn(token) {
    session.start(token);
    await this.loadAccount();
    this.navigate('#/today');
  }

  async signOut() {
    try { await gql('mutation { signOut }'); } catch { /* the token is forgotten either way */ }
    session.end();
    this.me = null;
    this.notice = 'You are signed out.';
    this.navigate('#/sign-in');
  }

  async loadAccount() {
    const data = await gql('{ me { id email displayName } plugins { id name state } }');
    this.me = data.me;
    this.plugins = data.plugins;
  }

  async route() {
    this.page?.dispose?.();
    this.menuOpen = false;
    const hash = location.hash || '#/today';
    if (!session.token) {
      this.me = null;
      if (!/^#\/sign-(in|up)$/.test(hash)) return this.navigate('#/sign-in');
    } else if (!this.me) {
      try {
        await this.loadAccount();
      } catch {
        return; // the session ended: onSessionEnded has moved to sign-in
      }
    }
    let route = ROUTES.find((r) => r.pattern.test(hash));
    if (!route || (route.public && session.token) || (route.needs && !route.needs(this))) {
      return this.navigate('#/today');
    }
    const params = hash.match(route.pattern).slice(1).map((p) => (p ? decodeURIComponent(p) : p));
    const page = new route.page(this, ...params);
    this.page = page;
    this.update();
    try {
      await page.load?.();
    } catch (error) {
      page.loadError = error;
    }
    if (this.page === page) {
      document.title = page.title ? `${page.title} · Rapport` : 'Rapport';
      this.update();
      page.shown?.();
      if (this.focusMain) this.root.querySelector('h1')?.focus();
      this.focusMain = true;
    }
  }

  update() {
    render(this.view(), this.root);
  }

  view() {
    const page = this.page;
    const content = page.loadError
      ? html`<div class="form-error" role="alert"><p>${page.loadError.message}</p></div>`
      : page.view();
    if (!this.me) {
      return html`<main class="public">${content}</main>`;
    }
    const link = (hash, text) => html`<a href=${hash} aria-current=${location.hash.startsWith(hash) ? 'page' : 'false'}>${text}</a>`;
    return html`
      <a class="skip" href="#main" @click=${(e) => { e.preventDefault(); this.root.querySelector('h1')?.focus(); }}>Skip to content</a>
      <header class="topbar">
        <a class="brand" href="#/today"><img src="/app/icon.svg" alt="" width="28" height="28"> Rapport</a>
        <button class="menu-toggle" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-controls="nav"
          @click=${() => { this.menuOpen = !this.menuOpen; this.update(); }}>Menu</button>
        <nav id="nav" class=${this.menuOpen ? 'open' : ''} aria-label="Main">
          ${link('#/today', 'Today')}
          ${link('#/contacts', 'Contacts')}
          ${link('#/network', 'Network')}
          ${this.plugin('linkedin-import') || this.plugin('calendar-sync') ? link('#/import', 'Import & calendar') : nothing}
        </nav>
        <div class="account">
          <span class="who" title=${this.me.email}>${this.me.displayName}</span>
          <button class="link" @click=${() => this.signOut()}>Sign out</button>
        </div>
      </header>
      <main id="main">${content}</main>`;
  }
}

const root = document.getElementById('app');
root.replaceChildren(); // the "Loading" line; lit-html renders beside what is there
const app = new App(root);
app.route();
