/**
 * Uses a page the way a curious reader would, without knowing its widgets: every kind of
 * control on it (buttons, popover triggers, disclosure summaries, in-page links, custom
 * elements' controls) is hovered and activated once, and any search box that appears is given
 * a query, with its first result followed. New widgets are covered as soon as they exist.
 */
import type { Page } from 'playwright-core';

/** What a reader can activate. */
const CONTROLS = 'button, [popovertarget], summary, a[href^="#"], [role="button"], [role="tab"], [role="switch"], input[type="checkbox"], input[type="radio"], select';
/** Search boxes, whoever renders them. */
const SEARCH_BOXES = 'input[type="search"], [role="searchbox"], [role="combobox"]';

export interface Exercised {
  /** Signatures of the controls activated (`button.term[popovertarget]`). */
  controls: string[];
  /** Queries typed into search boxes. */
  searches: string[];
  /** Result links followed from a search. */
  followed: string[];
}

/** Index (in CONTROLS order) and signature of the first visible control of each kind. */
async function controlKinds(page: Page): Promise<{ index: number; signature: string }[]> {
  return page.$$eval(CONTROLS, (elements) => {
    const seen = new Set<string>();
    const kinds: { index: number; signature: string }[] = [];
    elements.forEach((element, index) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') return;
      const classes = [...element.classList].sort().map((c) => `.${c}`).join('');
      const attributes = element
        .getAttributeNames()
        .filter((name) => name.startsWith('data-') || ['popovertarget', 'aria-haspopup', 'aria-expanded', 'aria-controls', 'type'].includes(name))
        .sort()
        .map((name) => `[${name}]`)
        .join('');
      // Controls of one kind share classes, attributes and the widget (custom element) they sit in.
      let widget = element.parentElement;
      while (widget && !widget.localName.includes('-')) widget = widget.parentElement;
      const signature = `${widget ? `${widget.localName} ` : ''}${element.localName}${classes}${attributes}`;
      if (seen.has(signature)) return;
      seen.add(signature);
      kinds.push({ index, signature });
    });
    return kinds;
  });
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
}

/** The href attributes (as written, so a URL change does not make them new) of visible links. */
const visibleLinks = (page: Page) =>
  page.$$eval('a[href]', (links) => links.filter((a) => a.getClientRects().length > 0).map((a) => a.getAttribute('href')!));

/** New links since `known`, on this site, results landing on a #fragment first. */
async function freshLinks(page: Page, known: string[], needFragment: boolean, timeout: number): Promise<string | undefined> {
  return page
    .waitForFunction(
      ({ known, needFragment }) => {
        const fresh = [...document.querySelectorAll('a[href]')]
          .filter((a) => a.getClientRects().length > 0 && (a as HTMLAnchorElement).origin === location.origin)
          .map((a) => a.getAttribute('href')!)
          .filter((href) => !known.includes(href));
        return fresh.find((href) => href.includes('#')) ?? (needFragment ? undefined : fresh[0]);
      },
      { known, needFragment },
      { timeout },
    )
    .then((handle) => handle.jsonValue() as Promise<string>)
    .catch(() => undefined);
}

/**
 * Types the query into the first visible search box and follows the first result that appears
 * (a click, as a reader would; or Enter, for boxes that open their first result). Returns the
 * page reached, or undefined when no result could be followed.
 */
async function searchAndFollow(page: Page, query: string): Promise<string | undefined> {
  const box = page.locator(SEARCH_BOXES).filter({ visible: true }).first();
  if ((await box.count()) === 0) return undefined;
  const known = await visibleLinks(page);
  await box.fill(query);
  const result = (await freshLinks(page, known, true, 4_000)) ?? (await freshLinks(page, known, false, 500));
  const start = page.url();
  if (result) {
    const link = page.locator(`a[href="${result.replace(/"/g, '\\"')}"]`).filter({ visible: true }).first();
    // Results may re-render as the search settles; a link that moved away is followed directly.
    await link.click({ timeout: 2_000 }).catch(() => page.goto(new URL(result, page.url()).href));
  } else await box.press('Enter');
  await page.waitForURL((u) => u.href !== start, { timeout: 3_000 }).catch(() => undefined);
  await settle(page);
  return page.url() !== start ? page.url() : undefined;
}

/**
 * Activates one control of each kind on the page at `url`, returning to it after any
 * navigation, then searches for `query` wherever a search box shows up and follows one result.
 */
export async function exerciseControls(page: Page, url: string, query: string): Promise<Exercised> {
  const done: Exercised = { controls: [], searches: [], followed: [] };
  const kinds = await controlKinds(page);
  for (const { index, signature } of kinds.slice(0, 40)) {
    const started = performance.now();
    const control = page.locator(CONTROLS).nth(index);
    if (!(await control.isVisible().catch(() => false))) continue;
    // Controls shown only on focus (a skip link) fail the pointer's checks fast and get the keyboard.
    await control.hover({ timeout: 300 }).catch(() => undefined);
    const clicked = await control.click({ timeout: 600 }).then(
      () => true,
      () => control.focus().then(() => page.keyboard.press('Enter')).then(() => true, () => false),
    );
    if (!clicked) continue;
    done.controls.push(signature);
    await settle(page);
    if (done.searches.length === 0 && (await page.locator(SEARCH_BOXES).filter({ visible: true }).count()) > 0) {
      done.searches.push(query);
      const reached = await searchAndFollow(page, query);
      if (reached) done.followed.push(reached);
    }
    if (page.url().split('#')[0] !== url.split('#')[0]) await page.goto(url, { waitUntil: 'networkidle' });
    else await page.keyboard.press('Escape');
    if (process.env['DEBUG_INTERACTIONS']) console.log(`${signature}: ${Math.round(performance.now() - started)} ms`);
  }
  // A page may show a search box without any control (the search page itself).
  if (done.searches.length === 0 && (await page.locator(SEARCH_BOXES).filter({ visible: true }).count()) > 0) {
    done.searches.push(query);
    const reached = await searchAndFollow(page, query);
    if (reached) done.followed.push(reached);
  }
  return done;
}

/**
 * Opens, one by one, every note marker on the page (wide screens light the note, narrow ones fold
 * it open after its phrase), every glossary term (one occurrence per entry: its definition
 * popover) and every popover trigger, each pointed at and clicked as a reader would, closing what
 * opened before the next. Returns how many of each were opened.
 */
export async function openEveryNoteAndTerm(page: Page): Promise<{ notes: number; terms: number; popovers: number }> {
  const counts = { notes: 0, terms: 0, popovers: 0 };
  const groups: [keyof typeof counts, string][] = [
    ['notes', 'a.note-ref'],
    ['terms', 'a.term'],
    ['popovers', '[popovertarget]'],
  ];
  for (const [kind, selector] of groups) {
    // One control per target: a term used forty times opens the same definition forty times.
    const indices = await page.$$eval(selector, (elements) => {
      const seen = new Set<string>();
      return elements.flatMap((element, index) => {
        const target = element.getAttribute('href') ?? element.getAttribute('popovertarget') ?? String(index);
        if (seen.has(target) || element.getClientRects().length === 0) return [];
        seen.add(target);
        return [index];
      });
    });
    for (const index of indices) {
      const control = page.locator(selector).nth(index);
      if (!(await control.isVisible().catch(() => false))) continue;
      // A click moves the pointer onto the control first, so hover handlers run too.
      const clicked = await control.click({ timeout: 1_000 }).then(() => true, () => false);
      if (!clicked) continue;
      counts[kind]++;
      // Back on the page: a click that followed a link to a fragment stays on it, so only leaving the page matters.
      await page.keyboard.press('Escape');
    }
  }
  return counts;
}
