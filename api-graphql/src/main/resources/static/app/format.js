// How dates, stages and actors read in the dashboard.

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export const day = (iso) => (iso ? dateFormat.format(new Date(iso)) : '');
export const moment = (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : '');
export const meetingTime = (iso) => (iso ? weekdayFormat.format(new Date(iso)) : '');

/** Whole days from now to then: negative in the past. */
export function daysFromNow(iso) {
  const startOfToday = new Date();
  startOfToday.setHours(0, 0, 0, 0);
  const then = new Date(iso);
  then.setHours(0, 0, 0, 0);
  return Math.round((then - startOfToday) / 86400000);
}

export function relativeDays(iso) {
  const days = daysFromNow(iso);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

export const STAGES = ['PROSPECT', 'REQUESTED', 'SCHEDULED', 'MET', 'THANKED', 'KEEPING_IN_TOUCH', 'DECLINED', 'DORMANT'];
export const SOURCES = ['PERSONAL', 'COLLEAGUE', 'SUPERVISOR', 'ALUMNI', 'FACULTY', 'PROFESSIONAL_ASSOCIATION', 'CAREER_FAIR',
  'DIRECTORY', 'LINKEDIN', 'SOCIAL_MEDIA', 'REFERRAL', 'OTHER'];
export const CHANNELS = ['EMAIL', 'PHONE', 'LINKEDIN', 'IN_PERSON', 'VIDEO', 'LETTER', 'OTHER'];
export const FORMATS = ['VIDEO', 'PHONE', 'IN_PERSON', 'OBSERVATIONAL_VISIT'];

/** PROFESSIONAL_ASSOCIATION → "Professional association". */
export function label(constant) {
  if (!constant) return '';
  if (constant === 'LINKEDIN') return 'LinkedIn';
  const words = constant.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function percent(ratio) {
  return ratio == null ? '—' : `${Math.round(ratio * 100)}%`;
}

/** Who did a step of the history, as a person reads it. */
export function actor(actorId, myAccountId) {
  if (actorId === `user:${myAccountId}`) return 'you';
  if (actorId.startsWith('plugin:')) return label(actorId.slice('plugin:'.length).replaceAll('-', '_'));
  if (actorId === 'system') return 'Rapport';
  return actorId;
}

/** A value of <input type="datetime-local"> (the browser's own time zone) as an instant. */
export const instantOf = (localDateTime) => (localDateTime ? new Date(localDateTime).toISOString() : null);

/** Now, as <input type="datetime-local"> shows it. */
export function localNow(offsetMinutes = 0, from = Date.now()) {
  const now = new Date(from + offsetMinutes * 60000);
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** A fresh id for a create mutation, so that a retried request creates nothing twice (also over plain HTTP). */
export function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
