/** Starting a story: the few fields a draft needs; the editor opens on the new draft. */
import { type SafeHtml, html } from '../../domain/html.js';

export function newStoryPage(): SafeHtml {
  return html`<section class="card narrow">
  <h1>New story</h1>
  <form data-api="/api/v1/admin/articles" data-method="POST" data-redirect="/admin/stories/{id}">
    <label>Headline <input name="headline" required maxlength="300"></label>
    <label>Section <input name="section" required value="News"></label>
    <input type="hidden" name="bodyHtml" value="">
    <button type="submit">Create draft</button>
  </form>
</section>`;
}
