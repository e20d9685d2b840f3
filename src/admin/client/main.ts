/**
 * The newsroom's client script, loaded as a module on every /admin page (CSP `script-src 'self'`: no inline
 * script, no eval). It enhances what the page has: API forms and buttons everywhere, and the story editor on the
 * story page.
 */
import { localiseDateInputs } from './api.js';
import { initApiForms } from './forms.js';
import { initStoryEditor } from './story-editor.js';

function start(): void {
  localiseDateInputs(document);
  initApiForms(document);
  const storyForm = document.getElementById('story-form');
  if (storyForm instanceof HTMLFormElement) initStoryEditor(storyForm);
  document.documentElement.classList.add('js');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
