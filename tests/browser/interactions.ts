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

const visibleLinks = (page: Page) =>
  page.$$eval('a[href]', (links) => links.filter((a) => a.getClientRects().length > 0).map((a) => (a as HTMLAnchorElement).href));

/** Types the query into the first visible search box, waits, and returns the links that appeared. */
async function search(page: Page, query: string): Promise<string[]> {
  const box = page.locator(SEARCH_BOXES).filter({ visible: true }).first();
  if ((await box.count()) === 0) return [];
  const before = new Set(await visibleLinks(page));
  await box.fill(query);
  await box.press('Enter').catch(() => undefined);
  await settle(page);
  await page.waitForTimeout(300);
  await settle(page);
  return (await visibleLinks(page).catch(() => [])).filter((href) => !before.has(href));
}

/**
 * Activates one control of each kind on the page at `url`, returning to it after any
 * navigation, then searches for `query` wherever a search box shows up and follows one result.
 */
export async function exerciseControls(page: Page, url: string, query: string): Promise<Exercised> {
  const done: Exercised = { controls: [], searches: [], followed: [] };
  const kinds = await controlKinds(page);
  for (const { index, signature } of kinds.slice(0, 40)) {
    const control = page.locator(CONTROLS).nth(index);
    if (!(await control.isVisible().catch(() => false))) continue;
    await control.hover({ timeout: 2_000 }).catch(() => undefined);
    const clicked = await control.click({ timeout: 2_000 }).then(
      () => true,
      () => control.focus().then(() => page.keyboard.press('Enter')).then(() => true, () => false),
    );
    if (!clicked) continue;
    done.controls.push(signature);
    await settle(page);
    if (done.searches.length === 0 && (await page.locator(SEARCH_BOXES).filter({ visible: true }).count()) > 0) {
      const results = await search(page, query);
      done.searches.push(query);
      const target = results.find((href) => new URL(href).origin === new URL(url).origin);
      if (target) {
        await page.goto(target, { waitUntil: 'networkidle' });
        done.followed.push(target);
      }
    }
    if (page.url().split('#')[0] !== url.split('#')[0]) await page.goto(url, { waitUntil: 'networkidle' });
    else await page.keyboard.press('Escape');
  }
  // A page may show a search box without any control (the search page itself).
  if (done.searches.length === 0) {
    const results = await search(page, query);
    if (results.length > 0 || (await page.locator(SEARCH_BOXES).count()) > 0) done.searches.push(query);
    const target = results.find((href) => new URL(href).origin === new URL(url).origin);
    if (target) {
      await page.goto(target, { waitUntil: 'networkidle' });
      done.followed.push(target);
    }
  }
  return done;
}
