/** The newsroom's page shell: a header with the signed-in person and the main sections, and the client script. */
import { type SafeHtml, html } from '../../domain/html.js';
import type { Actor } from '../../newsroom/accounts.js';
import { can } from '../../newsroom/roles.js';

export interface AdminPage {
  title: string;
  actor: Actor | null;
  csrfToken?: string;
  body: SafeHtml;
}

export function adminLayout(page: AdminPage): string {
  const { actor } = page;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${page.title} · Newsroom</title>
${page.csrfToken ? html`<meta name="csrf-token" content="${page.csrfToken}">` : ''}
<link rel="stylesheet" href="/admin/assets/admin.css">
<script type="module" src="/admin/assets/admin.js"></script>
</head>
<body>
<header class="admin-header">
  <a class="admin-brand" href="/admin">Newsroom</a>
  ${actor
    ? html`<nav aria-label="Newsroom">
    <ul>
      <li><a href="/admin">Dashboard</a></li>
      <li><a href="/admin/stories">Stories</a></li>
      <li><a href="/admin/stories/new">New story</a></li>
      <li><a href="/admin/boards">Boards</a></li>
      <li><a href="/admin/wire">Wire</a></li>
      <li><a href="/admin/sources">Sources</a></li>
      ${can(actor.role, 'users.read') ? html`<li><a href="/admin/people">People</a></li>` : ''}
      <li><a href="/" target="_blank" rel="noopener">View site</a></li>
    </ul>
  </nav>
  <p class="admin-who">${actor.name} · ${actor.role}
    <button type="button" class="link-button" data-api-action="/api/v1/admin/session" data-method="DELETE" data-redirect="/admin/login">Sign out</button></p>`
    : ''}
</header>
<main id="main" class="admin-main">
${page.body}
</main>
</body>
</html>
`.value;
}
