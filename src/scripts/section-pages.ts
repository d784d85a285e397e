/**
 * A long reading is served one page per section (src/lib/reading-layout.ts), so an old permalink
 * (`/read/<reading>/#p-<id>`, `#note-<id>`) can name a passage that is on another page. When the
 * fragment names nothing on this page, the reading's compact passage → page map is fetched (only
 * then) and the reader is sent on to the page that holds it, with the same query and fragment;
 * `location.replace`, so Back does not return to a page that would send them on again.
 */
import { fragmentId, passagePagesPath, sectionOfAnchor, sectionPagePath, SPLIT_READING_ATTRIBUTE, type PassagePageMap } from '../lib/reading-layout.ts';
import { withBase } from '../lib/urls.ts';

let map: Promise<PassagePageMap | undefined> | undefined;

/** The reading's passage → page map, fetched once; undefined when it cannot be had. */
export function passagePages(reading: string): Promise<PassagePageMap | undefined> {
  map ??= fetch(withBase(passagePagesPath(reading)))
    .then((response) => (response.ok ? (response.json() as Promise<PassagePageMap>) : undefined))
    .catch(() => undefined);
  return map;
}

async function follow(): Promise<void> {
  const reading = document.querySelector(`[${SPLIT_READING_ATTRIBUTE}]`)?.getAttribute(SPLIT_READING_ATTRIBUTE);
  const hash = location.hash;
  const id = reading ? fragmentId(hash) : undefined;
  // Already here (or no fragment): nothing to follow.
  if (!reading || !id || document.getElementById(id)) return;
  const found = await passagePages(reading);
  const section = found && sectionOfAnchor(found, id);
  const target = section && withBase(sectionPagePath(reading, section));
  if (target && target !== location.pathname) location.replace(`${target}${location.search}${hash}`);
}

if (document.querySelector(`[${SPLIT_READING_ATTRIBUTE}]`)) {
  void follow();
  addEventListener('hashchange', () => void follow());
}
