import { describe, expect, test } from 'vitest';
import { firstPaintMisses, median, summarise, type PaintRun } from '../../bench/lib/first-paint.ts';
import { parseHtml, visibleText } from '../../bench/lib/html.ts';
import { plainPageOf, wholeTextPageOf } from '../../bench/lib/plain-limit.ts';

const run = (lcpMs: number, tbtMs: number, requests = 3, bytes = 30_000): PaintRun => ({
  lcpMs,
  fcpMs: lcpMs - 10,
  tbtMs,
  requests: Array.from({ length: requests }, (_, i) => `/r${i}`),
  bytes,
});

describe('first-paint figures', () => {
  test('median of odd and even counts', () => {
    expect(median([900, 700, 800])).toBe(800);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  test('LCP is the median, TBT and requests the worst run', () => {
    const summary = summarise([run(700, 0), run(1200, 60, 5), run(750, 10)]);
    expect(summary.lcpMs).toBe(750);
    expect(summary.maxTbtMs).toBe(60);
    expect(summary.maxRequests).toBe(5);
  });

  test('a reader within every target misses nothing', () => {
    expect(firstPaintMisses(summarise([run(780, 0), run(790, 50), run(800, 20)]), 20_000)).toEqual([]);
  });

  test('each target missed is named, TBT with the runs over it', () => {
    const misses = firstPaintMisses(summarise([run(820, 70, 5, 36_000), run(900, 0, 5, 36_000), run(810, 55, 5, 36_000)]), 20_000);
    expect(misses).toEqual(['LCP 820 ms > 800 ms (median)', 'TBT over 50 ms in 2 of 3 runs (70, 55 ms)', '5 requests > 4', '16.0 KB beyond the text > 15 KB']);
  });
});

describe('the plain-HTML limit of a reading page', () => {
  const reader = `<!doctype html><html lang="de"><head><title>x</title><link rel="stylesheet" href="/a.css"></head><body>
    <header><a href="/">Site</a></header><main><h1>The <em>Title</em></h1>
    <div class="passage"><a class="passage-number" href="#p-1">1</a><div class="passage-text passage-heading">Part   one</div></div>
    <div class="passage"><p class="passage-text">Words <a class="term" href="/g/">with</a> a note<a class="note-ref" href="#n"></a> &amp; more &lt;</p>
    <aside class="passage-notes"><ol><li>A note not in the limit</li></ol></aside></div></main></body></html>`;

  test('keeps the title and each passage as plain text, and nothing else', () => {
    expect(plainPageOf(reader)).toBe(
      '<!doctype html>\n<html lang="de">\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
        '<title>The Title</title>\n<h1>The Title</h1>\n<h2>Part one</h2>\n<p>Words with a note &amp; more &lt;</p>\n',
    );
  });

  test('a page without passages is refused', () => {
    expect(() => plainPageOf('<html><body><h1>Home</h1><p>Hi</p></body></html>')).toThrow(/no element of class "passage-text"/);
  });

  test('the whole-text limit keeps every block of visible text, notes included, as a plain paragraph', () => {
    const page = wholeTextPageOf(reader.replace('</main>', '<p hidden>Hidden</p><script>var x = 1;</script></main>'));
    expect(page).toBe(
      '<!doctype html>\n<html lang="de">\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
        '<title>The Title</title>\n<p>Site</p>\n<p>The Title</p>\n<p>1</p>\n<p>Part one</p>\n<p>Words with a note &amp; more &lt;</p>\n<p>A note not in the limit</p>\n',
    );
    // The same text as the byte target weighs (which runs blocks together), after the title.
    const letters = (text: string) => text.replace(/\s+/g, '');
    expect(letters(page.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<'))).toBe(letters(`The Title ${visibleText(parseHtml(reader))}`));
  });
});
