/** Namespace URIs the formats are recognised and read by. */
export const NS = {
  atom10: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss10: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  nar: 'http://iptc.org/std/nar/2006-10-01/',
  nitf: 'http://iptc.org/std/NITF/2006-10-18/',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;
