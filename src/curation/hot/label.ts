/**
 * The name of a topic: of its keys, the one its stories mention most (a name readers see), then the longest phrase
 * containing it that is still well supported ("Charles Plosser" over "Plosser" when most stories say both), shown
 * in the spelling its stories use most.
 */
import type { KeyStats, Window } from './window.js';

export function chooseLabel(win: Window, stories: number[], members: KeyStats[], longerSupport: number): string {
  // Support: stories whose headline names the key first (what readers see), then lead mentions at half weight.
  const support = new Map<string, [headlines: number, weight: number]>();
  const spellings = new Map<string, Map<string, number>>();
  const memberKeys = new Set(members.map((m) => m.key));
  for (const i of stories) {
    for (const m of win.articles[i]!.mentions) {
      const key = m.stats.key;
      if (!memberKeys.has(key)) continue;
      const s = support.get(key) ?? [0, 0];
      support.set(key, [s[0] + (m.weight >= 1 ? 1 : 0), s[1] + m.weight]);
      let forms = spellings.get(key);
      if (!forms) spellings.set(key, (forms = new Map()));
      forms.set(m.label, (forms.get(m.label) ?? 0) + 1);
    }
  }
  const ranked = [...support.entries()].sort(
    (a, b) => b[1][0] - a[1][0] || b[1][1] - a[1][1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1),
  );
  const [baseKey, [baseHeadlines, baseWeight]] = ranked[0] ?? [members[0]!.key, [0, 0]];
  let chosen = baseKey;
  for (const [key, [headlines, weight]] of ranked) {
    if (headlines < longerSupport * baseHeadlines || weight < longerSupport * baseWeight) continue;
    if (key.length > chosen.length && containsPhrase(key, baseKey)) chosen = key;
  }
  const forms = spellings.get(chosen);
  if (!forms) return chosen;
  return [...forms.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

/** Whether `long` contains `short` as whole words (or as characters, for text written without spaces). */
export function containsPhrase(long: string, short: string): boolean {
  if (/\p{Script=Han}/u.test(short)) return long.includes(short);
  return ` ${long} `.includes(` ${short} `);
}
