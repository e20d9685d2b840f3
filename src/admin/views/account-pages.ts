/** Signed-out pages: first-run setup, sign-in, accepting an invitation, choosing a new password. */
import { type SafeHtml, html } from '../../domain/html.js';
import { MIN_PASSWORD_LENGTH } from '../../newsroom/passwords.js';

const passwordField = (label: string) => html`<label>${label}
  <input name="password" type="password" required minlength="${MIN_PASSWORD_LENGTH}" autocomplete="new-password">
  <span class="hint">At least ${MIN_PASSWORD_LENGTH} characters.</span></label>`;

export function setupPage(): SafeHtml {
  return html`<section class="card narrow">
  <h1>Set up your newsroom</h1>
  <p>Create the owner account. The owner can invite everyone else.</p>
  <form data-api="/api/v1/admin/setup" data-method="POST" data-redirect="/admin">
    <label>Your name <input name="name" required autocomplete="name"></label>
    <label>Email <input name="email" type="email" required autocomplete="email"></label>
    ${passwordField('Password')}
    <button type="submit">Create owner account</button>
  </form>
</section>`;
}

export function loginPage(): SafeHtml {
  return html`<section class="card narrow">
  <h1>Sign in</h1>
  <form data-api="/api/v1/admin/session" data-method="POST" data-redirect="/admin">
    <label>Email <input name="email" type="email" required autocomplete="username"></label>
    <label>Password <input name="password" type="password" required autocomplete="current-password"></label>
    <button type="submit">Sign in</button>
  </form>
  <details class="forgot">
    <summary>Forgot your password?</summary>
    <form data-api="/api/v1/admin/password-resets" data-method="POST">
      <label>Email <input name="email" type="email" required></label>
      <button type="submit">Send a reset link</button>
    </form>
  </details>
</section>`;
}

export function invitationPage(token: string): SafeHtml {
  return html`<section class="card narrow">
  <h1>Join the newsroom</h1>
  <form data-api="/api/v1/admin/invitations/${token}/accept" data-method="POST" data-redirect="/admin/login">
    <label>Your name <input name="name" required autocomplete="name"></label>
    ${passwordField('Choose a password')}
    <button type="submit">Create my account</button>
  </form>
</section>`;
}

export function resetPage(token: string): SafeHtml {
  return html`<section class="card narrow">
  <h1>Choose a new password</h1>
  <form data-api="/api/v1/admin/password-resets/${token}" data-method="POST" data-redirect="/admin/login">
    ${passwordField('New password')}
    <button type="submit">Change password</button>
  </form>
</section>`;
}
