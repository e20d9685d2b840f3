/**
 * The names of what a page shows, shared by whoever changes the news (the newsroom) and whoever caches pages
 * (the reader site): a change announces these keys, and exactly the pages and fragments tagged with them go.
 */
export const surrogateKeys = {
  home: 'home',
  /** The rail of Today's Top News, Hot Topics and Editor's Picks that nearly every page shows. */
  rail: 'rail',
  article: (id: string) => `article:${id}`,
  section: (id: string) => `section:${id}`,
  topic: (id: string) => `topic:${id}`,
  source: (id: string) => `source:${id}`,
};
