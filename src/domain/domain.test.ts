import { describe, expect, it } from 'vitest';
import { articlePath } from './article.js';
import { fixedClock } from './clock.js';
import { assertTimeZone, formatStamp, startOfEditionDay } from './edition.js';
import { sanitizeBodyHtml, sanitizeByParsing, sanitizedBodyText, stripTags } from './sanitize.js';
import { nameFromSlug, slugify } from './slug.js';
import { headlineFromText, plainTextToHtml, splitParagraphs } from './text.js';

describe('slugify', () => {
  it('makes lower-case hyphenated ASCII from a headline', () => {
    expect(slugify("China urges US to stop 'groundless accusations' about cyber attacks")).toBe(
      'china-urges-us-to-stop-groundless-accusations-about-cyber-attacks',
    );
  });
  it('folds accents and keeps CJK', () => {
    expect(slugify('Café Zürich')).toBe('cafe-zurich');
    expect(slugify('深圳地铁 VIP')).toBe('深圳地铁-vip');
  });
  it('cuts long slugs at a hyphen', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });
  it('names a code', () => expect(nameFromSlug('money-fx')).toBe('Money Fx'));
});

describe('edition time', () => {
  it('shows the seed page time in Beijing', () => {
    expect(formatStamp('2015-09-11T13:03:00.000Z', 'Asia/Shanghai')).toBe('2015-09-11 21:03');
    expect(formatStamp('2015-09-11T13:03:00.000Z', 'UTC')).toBe('2015-09-11 13:03');
  });
  it('finds the start of the edition day', () => {
    const now = new Date('2015-09-11T13:03:00Z');
    expect(startOfEditionDay(now, 'Asia/Shanghai').toISOString()).toBe('2015-09-10T16:00:00.000Z');
    expect(startOfEditionDay(now, 'America/New_York').toISOString()).toBe('2015-09-11T04:00:00.000Z');
    expect(startOfEditionDay(new Date('2015-09-10T17:00:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2015-09-10T16:00:00.000Z',
    );
  });
  it('dates article URLs in the edition calendar', () => {
    const story = { slug: 'a', publishedAt: '2015-09-10T17:00:00.000Z' };
    expect(articlePath(story, 'Asia/Shanghai')).toBe('/2015/09/11/a');
    expect(articlePath(story, 'UTC')).toBe('/2015/09/10/a');
  });
  it('rejects an unknown zone', () => expect(() => assertTimeZone('Mars/Olympus')).toThrow(/Unknown time zone/));
  it('pins the clock', () => expect(fixedClock(new Date(0)).now().toISOString()).toBe('1970-01-01T00:00:00.000Z'));
});

describe('sanitizeBodyHtml', () => {
  it('removes scripts, event handlers and javascript: links', () => {
    const dirty =
      '<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">a</a> <img src="x.png" onerror="y()"></p>';
    const clean = sanitizeBodyHtml(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|javascript/i);
    expect(clean).toContain('<p>Hi');
  });
  it('keeps structure and makes links safe', () => {
    expect(sanitizeBodyHtml('<h2>Sub</h2><blockquote><p>Q</p></blockquote><a href="https://x.org">x</a>')).toBe(
      '<h2>Sub</h2><blockquote><p>Q</p></blockquote><a href="https://x.org" rel="noopener noreferrer nofollow">x</a>',
    );
  });
  it('drops svg with script', () => {
    expect(sanitizeBodyHtml('<svg><script>alert(1)</script></svg><p>ok</p>')).toBe('<p>ok</p>');
  });
  it('keeps figures with captions and credits', () => {
    const figure = '<figure><img src="/media/ab/640.jpg" alt="Cranes" width="640" height="360"><figcaption>Cranes at dawn <cite>Photo: Rita</cite></figcaption></figure>';
    expect(sanitizeBodyHtml(figure)).toBe(figure.replace('height="360">', 'height="360" />'));
  });
  it('keeps embeds from allowed players only, sandboxed', () => {
    const youtube = sanitizeBodyHtml(
      '<figure class="embed"><iframe src="https://www.youtube-nocookie.com/embed/abcdefghijk" title="Embedded video" allowfullscreen></iframe></figure>',
    );
    expect(youtube).toBe(
      '<figure class="embed"><iframe src="https://www.youtube-nocookie.com/embed/abcdefghijk" title="Embedded video" allowfullscreen sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" referrerpolicy="no-referrer" loading="lazy"></iframe></figure>',
    );
    expect(sanitizeBodyHtml('<figure class="evil"><iframe src="https://evil.example/x"></iframe><p>ok</p></figure>')).toBe('<figure><p>ok</p></figure>');
    expect(sanitizeBodyHtml('<iframe src="javascript:alert(1)"></iframe>')).toBe('');
    expect(sanitizeBodyHtml('<iframe srcdoc="<script>alert(1)</script>" src="https://player.vimeo.com/video/1"></iframe>')).not.toContain('srcdoc');
  });
  it('strips tags for plain text', () => expect(stripTags('<b>Bold</b>  <i>move</i>')).toBe('Bold move'));
  it.each([
    plainTextToHtml('Shares of <IBM> & "co" rose, it\'s said.\n\nSecond paragraph.'),
    '<p>a\u0000b\u0003c\rd\r\ne\ufeff\u2028\ud800</p>',
    '  <p>  </p>\n<p></p>\n',
    '',
    '<p>&amp;&lt;&gt;&quot;&#39;</p>',
    // Near misses: each goes through the parse.
    '<p>&nbsp;&eacute;&#169;</p>',
    '<p>a</p><p onclick="x()">b</p>',
    '<p>a <b>b</b></p>',
    '<p>unclosed',
    '<P>upper case</P>',
    '<p>a > b</p>',
  ])('knows the sanitized form of plain paragraphs without parsing them: %j', (html) => {
    expect(sanitizeBodyHtml(html)).toBe(sanitizeByParsing(html));
  });
  it('tells a long near miss from plain paragraphs in linear time', () => {
    const nearMiss = `<p>${'a&amp; '.repeat(200_000)}<</p>`;
    expect(sanitizeBodyHtml(nearMiss)).toBe(sanitizeByParsing(nearMiss));
  });
  it.each([
    '<a href="https://x.org/?a=1>2" title="a>b &quot;q&quot;">x &amp; y &lt;z&gt; "q" \'s\'</a>',
    '<p>a&nbsp;b &#169; &eacute; <b>c</b></p><img alt="x>y" src="https://a/b.png">',
    'AT&T <IBM> 1 < 2 > 0 <<IBM>> a<b',
    '<p>x</p><!-- a > b --><script>bad()</script><style>p>a{}</style>y',
    '<textarea>t</textarea><option>o</option><noscript>n</noscript>z',
    '<![CDATA[x > y]]>k <?xml version="1.0"?> l',
    '<figure class="embed"><iframe src="https://www.youtube-nocookie.com/embed/x" title="a>b"></iframe><figcaption>cap</figcaption></figure>',
    '<table><tr><th scope="col">Q1</th><td>1,200</td></tr></table>\n\n<pre>  two\tcols  </pre>',
    '<p title=\'single > quoted\'>s</p><unknown-tag attr=">">u</unknown-tag><svg><title>t</title></svg>',
  ])('reads the text of a sanitized body as stripTags does, without parsing it again: %s', (dirty) => {
    const clean = sanitizeBodyHtml(dirty);
    expect(sanitizedBodyText(clean)).toBe(stripTags(clean));
  });
});

describe('wire text', () => {
  it('splits Reuters-style indented paragraphs and joins hard-wrapped lines', () => {
    const text = 'Showers continued throughout\nthe week.\n    The dry period means\nlate crops.\n    Reuter';
    expect(splitParagraphs(text)).toEqual(['Showers continued throughout the week.', 'The dry period means late crops.', 'Reuter']);
  });
  it('splits on blank lines when present', () => {
    expect(splitParagraphs('One\nline.\n\nTwo.')).toEqual(['One line.', 'Two.']);
  });
  it('escapes markup-like wire text', () => {
    expect(plainTextToHtml('Shares of <IBM> & co')).toBe('<p>Shares of &lt;IBM&gt; &amp; co</p>');
  });
  it('derives a headline from the first sentence', () => {
    expect(headlineFromText('Tara Reid has checked into rehab. She said more.')).toBe('Tara Reid has checked into rehab.');
    expect(headlineFromText('Is it over? "Yes," she said.')).toBe('Is it over?');
    expect(headlineFromText('中国外交部发言人表示。网络安全很重要。')).toBe('中国外交部发言人表示。');
  });
  it('does not end a headline at a decimal point, a title or an initial', () => {
    expect(headlineFromText('A strong 5.6 -magnitude earthquake jolted Qeshm. Three were hurt.')).toBe('A strong 5.6 -magnitude earthquake jolted Qeshm.');
    expect(headlineFromText('Ten engines fought the blaze before 9. 30am. It spread.')).toBe('Ten engines fought the blaze before 9. 30am.');
    expect(headlineFromText("Gov. Sarah Palin's church was damaged. Police said.")).toBe("Gov. Sarah Palin's church was damaged.");
    expect(headlineFromText('U.S. stocks fell as J. P. Morgan lost ground. More.')).toBe('U.S. stocks fell as J. P. Morgan lost ground.');
  });
});
