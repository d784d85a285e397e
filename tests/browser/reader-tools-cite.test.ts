import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { siteAddress } from '../../bench/lib/built-site.ts';
import { DIST, openPage, runAxe, startSession, type Session } from './harness.ts';
import { READER_PATH, READING, poll, selectPhrase, toolsReady } from './reader-tools-helpers.ts';

const PASSAGE = 'kleiner-public-funding';
const TITLE = 'The Partner State: Public authorities that enable commons-based peer production';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** MLA 9 abbreviates months longer than four letters. */
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

const HEADLINE = 'The Partner State: Public Authorities That Enable Commons-Based Peer Production';

/**
 * Passage 14 as each style cites it, written out by hand (checked against CMOS 18, APA 7 and
 * MLA 9; see tests/unit/reading-citation.test.ts): the wiki text is unsigned and undated, so only
 * the date it was accessed, the build's, and where the site is published are filled in. Chicago
 * lists an unsigned page under the site (CMOS 18 14.104); Chicago and MLA set titles headline-style.
 */
function expectedCitations(permalink: string, [year, month, day]: number[]) {
  const monthName = MONTHS[month! - 1]!;
  return {
    'chicago-author-date': { reference: `Annotated Reader. n.d. \u201c${HEADLINE}.\u201d Accessed ${monthName} ${day}, ${year}. ${permalink}.`, inText: '(Annotated Reader, n.d., para. 14)' },
    apa: { reference: `${TITLE}. (n.d.). Annotated Reader. Retrieved ${monthName} ${day}, ${year}, from ${permalink}`, inText: '(The Partner State, n.d., para. 14)' },
    'modern-language-association': { reference: `\u201c${HEADLINE}.\u201d Annotated Reader, ${permalink}. Accessed ${day} ${MLA_MONTHS[month! - 1]} ${year}.`, inText: '(\u201cThe Partner State,\u201d par. 14)' },
  };
}

describe('cite this passage', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  async function open() {
    const opened = await openPage(session);
    await opened.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await opened.page.goto(session.url(READER_PATH));
    await toolsReady(opened.page);
    return opened;
  }

  test('a passage number offers Cite; the dialog shows its citation in each style, as written out by hand', { timeout: 240_000 }, async () => {
    const { page, context, record } = await open();
    // The date accessed is the build's; the unit tests pin how it is set.
    const [item] = await (await page.request.get(session.url(`/read/${READING}/citation.json`))).json();
    const { origin, base } = siteAddress(DIST);
    const permalink = `${origin}${base}read/${READING}/#p-${PASSAGE}`;
    const expected = expectedCitations(permalink, item.accessed['date-parts'][0]);
    const number = Number((await page.locator(`#p-${PASSAGE} .passage-number`).textContent())!.replace(/\D/g, ''));
    expect(number).toBe(14);

    await page.locator(`#p-${PASSAGE} .passage-number`).click();
    const bar = page.locator('.selection-tools');
    await poll(() => bar.isVisible()).toBe(true);
    await bar.getByRole('button', { name: `Cite ¶${number}` }).click();
    const dialog = page.getByRole('dialog', { name: `Cite passage ${number}` });
    await poll(() => dialog.isVisible()).toBe(true);

    for (const [style, { reference, inText }] of Object.entries(expected)) {
      const section = dialog.locator(`[data-cite-style="${style}"]`);
      expect(await section.locator('.cite-reference').textContent(), style).toBe(reference);
      expect(await section.locator('.cite-in-text').textContent(), style).toBe(`In the text: ${inText}`);
    }
    await dialog.getByRole('button', { name: 'Copy reference (APA Style 7th edition)' }).click();
    // Copying is asynchronous: the clipboard holds the reference once the browser has written it.
    await poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected.apa.reference);
    expect(await dialog.getByLabel('Permalink').inputValue()).toBe(permalink);
    expect(await runAxe(page)).toEqual([]);
    expect(record.cspViolations).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    await context.close();
  });

  test('selected words: Copy link gives a text-fragment link that lands on the passage', async () => {
    const { page, context } = await open();
    await selectPhrase(page, PASSAGE, 'South and Central America');
    await page.locator('.selection-tools').getByRole('button', { name: 'Copy link' }).click();
    await poll(() => page.locator('.tool-status').textContent()).toBe('Link to the words copied.');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    // The words also occur later on the page, in a note's body; the browser takes the first match, this one, so no context is needed.
    expect(link).toMatch(new RegExp(`/read/${READING}/#p-${PASSAGE}:~:text=South%20and%20Central%20America$`));
    // The canonical origin is where the site is published; follow the same path on this server.
    const { pathname, hash } = new URL(link);
    const local = new URL(pathname + hash, session.baseUrl).href;
    await page.goto('about:blank');
    await page.goto(local);
    expect(await page.evaluate(() => location.hash)).toBe(`#p-${PASSAGE}`);
    // Chromium finds the words after load, then makes the element with an id nearest to them the
    // target (the passage, or a note's phrase in it, which lights the passage too) and scrolls there.
    await poll(() => page.locator(`#p-${PASSAGE}`).evaluate((el) => el.matches(':target') || el.querySelector('.anno:target') !== null)).toBe(true);
    expect(await page.$eval(`#p-${PASSAGE} > .passage-text`, (el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await poll(() => page.locator(`#p-${PASSAGE}`).evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top < innerHeight && box.bottom > 0;
    })).toBe(true);
    await context.close();
  });

  test('the cite dialog for words adds their text-fragment link', async () => {
    const { page, context } = await open();
    await selectPhrase(page, PASSAGE, 'Central America');
    await page.locator('.selection-tools').getByRole('button', { name: 'Cite' }).click();
    const dialog = page.getByRole('dialog', { name: /^Cite these words/ });
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByLabel('Link to these words').inputValue()).toMatch(/#p-kleiner-public-funding:~:text=Central%20America$/);
    await context.close();
  });

  test.each([
    ['bib', /^@\w+\{/, 'application/x-bibtex'],
    ['ris', /^TY {2}- ELEC/, 'application/x-research-info-systems'],
    ['json', /^\[\n {2}\{/, 'application/'],
  ])('reference file citation.%s is linked from the page and served', async (format, start, type) => {
    const { page, context } = await open();
    const href = await page.locator(`.cite-reading a[href$="citation.${format}"]`).getAttribute('href');
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain(type);
    expect(await response.text()).toMatch(start);
    await context.close();
  });
});
