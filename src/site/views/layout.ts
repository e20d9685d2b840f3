/** The page shell: masthead with section navigation, main landmark, footer. */
import { type Section, sectionPath } from '../../domain/article.js';
import type { Edition } from '../../domain/edition.js';
import { type SafeHtml, html } from '../../domain/html.js';

export interface LayoutInput {
  title: string;
  description?: string;
  canonicalPath: string;
  edition: Edition;
  sections: Section[];
  stylesheet: string;
  publicUrl: string;
  language?: string;
  activeSectionId?: string;
  head?: SafeHtml;
  body: SafeHtml;
}

export function layout(page: LayoutInput): string {
  const { edition } = page;
  const fullTitle = page.title === edition.siteName ? edition.siteName : `${page.title} | ${edition.siteName}`;
  return html`<!doctype html>
<html lang="${page.language ?? edition.locale.split('-')[0] ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
${page.description ? html`<meta name="description" content="${page.description}">` : ''}
<link rel="canonical" href="${page.publicUrl}${page.canonicalPath}">
<link rel="stylesheet" href="${page.stylesheet}">
${page.head ?? ''}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="masthead">
  <div class="masthead__inner">
    <a class="masthead__name" href="/">${edition.siteName}</a>
    <p class="masthead__tagline">${edition.tagline}</p>
  </div>
  <nav class="sections-nav" aria-label="Sections">
    <ul>
      <li><a href="/"${page.canonicalPath === '/' ? html` aria-current="page"` : ''}>Home</a></li>
      ${page.sections.map(
        (s) => html`<li><a href="${sectionPath(s)}"${s.id === page.activeSectionId ? html` aria-current="page"` : ''}>${s.name}</a></li>`,
      )}
    </ul>
  </nav>
</header>
<main id="main" tabindex="-1">
${page.body}
</main>
<footer class="site-footer">
  <p>${edition.siteName} · Times are ${edition.timeZone} · Published with Newsdesk</p>
</footer>
</body>
</html>
`.value;
}
