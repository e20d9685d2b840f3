/** The parts of the seed page, found in rendered HTML. */
export function seedPageParts(page: string) {
  const count = (sectionTitle: string) => {
    const start = page.indexOf(`>${sectionTitle}</h2>`);
    if (start < 0) return 0;
    const end = page.indexOf('</ul>', start);
    return (page.slice(start, end).match(/<li>/g) ?? []).length;
  };
  return {
    headline: /<h1 class="story__headline">[^<]+<\/h1>/.test(page),
    updated: /Updated: <time datetime="\d{4}-\d{2}-\d{2}T[^"]+">\d{4}-\d{2}-\d{2} \d{2}:\d{2}<\/time>/.test(page),
    source: /class="story__source"[^>]*>\([^)]+\)<\/a>/.test(page),
    share: /aria-label="Share this story"/.test(page),
    breadcrumb: /aria-label="Breadcrumb"[\s\S]*?href="\/section\//.test(page),
    related: count('Related Stories'),
    topNews: count("Today's Top News"),
    hotTopics: count('Hot Topics'),
    editorsPicks: count("Editor's Picks"),
  };
}
