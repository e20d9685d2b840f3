/**
 * Words that never begin or end a topic: function words and the generic words of headlines ("says", "update",
 * "report"), which rise with the volume of news rather than with any one story.
 */
export const ENGLISH_STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at back be because been before being below between
  both but by can could did do does doing down during each few for from further get gets got had has have having he
  her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or
  other our ours out over own same she should so some such than that the their theirs them then there these they
  this those through to too under until up upon us very via vs was we were what when where which while who whom why
  will with would you your yours
  amid another day days did first here's just last latest least less live many may might much must new news next
  photo photos pictures report reports reported said say says see sees set show shows take takes talk talks time
  today top update updated updates video videos watch way week weeks year years yet one two three four five
  january february march april june july august september october november december jan feb mar apr jun jul aug
  sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night`.split(/\s+/),
);

export const CHINESE_STOPWORDS = new Set(
  `的 了 在 是 和 与 及 或 也 都 就 而 被 把 对 从 到 为 以 于 将 又 还 这 那 个 之 其 中 上 下 后 前 等 有 没有 我们 他们 你们 一个
  今天 昨天 记者 表示 报道 新闻 目前 已经 可以 进行 通过 没有 一些 这个 那个 因为 所以 如果 但是 以及 就是 什么`.split(/\s+/),
);
