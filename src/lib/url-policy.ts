/**
 * The one URL policy for everything an editor (or an import, or a layer of class annotations)
 * writes: Markdown links and images, HTML `href`/`src`/`cite`, reading.yaml's `origin.url` and
 * `licence.url`, and a source's CSL `URL` and `DOI`.
 *
 * Allowed: http:, https:, mailto:, a path inside the site (`/…`, `../…`, `page/`), a fragment
 * (`#…`). Images must come from the site itself: an external image is a request to a third party
 * on every page view, and a data: image is content the check cannot read. The URL is judged the way
 * a browser would read it at worst: character references and percent-escapes decoded, and
 * whitespace and control characters (which browsers drop from a scheme) removed before the scheme
 * is read, so `JaVaScRiPt:`, `java&#x09;script:` and `%6Aavascript:` are all `javascript:`.
 */
import { decodeHTML } from 'entities';

/**
 * Where the URL is used. `link`: an `href` or a `cite` (also a site path or a fragment); `image`: an
 * image's `src` (the site's own files only); `external`: the address of a page elsewhere, such as a
 * reading's origin or a source's URL (absolute http or https only).
 */
export type UrlContext = 'link' | 'image' | 'external';

export type UrlVerdict = { ok: true } | { ok: false; reason: string; fix: string };

const ALLOWED_SCHEMES: Record<UrlContext, readonly string[]> = {
  link: ['http', 'https', 'mailto'],
  image: [],
  external: ['http', 'https'],
};

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const INVISIBLE = /[\s\u0000-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF]/gu;
/** Characters that can never stand unescaped in a URL and could end an attribute or a tag. */
const UNSAFE_CHARACTER = /["<>`\\]/;

const FIXES: Record<UrlContext, string> = {
  link: 'link to an http(s) page, a mailto: address, a path on this site (/…) or a fragment (#…).',
  image: 'put the image in public/ (if its licence allows) and write its path on the site, e.g. ![A map](/images/map.png).',
  external: 'write the full https:// address of the page.',
};

/** `"java\u0000script:…"` as an editor can read it in a terminal: control characters escaped, long URLs cut. */
export function showUrl(url: string): string {
  const visible = url.replace(/[\u0000-\u001F\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return JSON.stringify(visible.length > 60 ? `${visible.slice(0, 59)}…` : visible).replace(/\\\\u/g, '\\u');
}

function percentDecode(text: string): string {
  return text.replace(/%([0-9a-f]{2})/gi, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Applies `decode` until nothing changes, so double encoding (`&amp;#106;`) is seen through too. */
function untilStable(text: string, decode: (text: string) => string): string {
  let current = text;
  for (let round = 0; round < 4; round++) {
    const next = decode(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

const refuse = (reason: string, fix: string): UrlVerdict => ({ ok: false, reason, fix });

const SCHEME_REASONS: Record<string, string> = {
  javascript: 'javascript: URLs run code in the reader\u2019s browser',
  vbscript: 'vbscript: URLs run code in the reader\u2019s browser',
  data: 'data: URLs carry content the check cannot read',
  file: 'file: URLs point at a file on the editor\u2019s own computer',
  blob: 'blob: URLs exist only inside one browser tab',
};

const THIRD_PARTY_IMAGE = 'an image from another site is a request to a third party on every page view';

/** Judges `url` for `context`; a refusal says why, for an editor, and what to write instead. */
export function checkUrl(url: string, { context }: { context: UrlContext }): UrlVerdict {
  // As the page will carry it (character references are decoded by the HTML parser) …
  const text = untilStable(url, decodeHTML);
  // … and as the worst reader of the scheme could see it: escapes decoded, invisible characters dropped.
  const squeezed = untilStable(text, (t) => decodeHTML(percentDecode(t))).replace(INVISIBLE, '');
  const schemeEnd = squeezed.search(/[:/?#]/);
  const scheme = schemeEnd > 0 && squeezed[schemeEnd] === ':' ? squeezed.slice(0, schemeEnd).toLowerCase() : undefined;
  if (scheme !== undefined && !ALLOWED_SCHEMES[context].includes(scheme)) {
    if (context === 'image' && (scheme === 'http' || scheme === 'https')) return refuse(THIRD_PARTY_IMAGE, FIXES.image);
    const why = SCHEME_REASONS[scheme] ?? `"${scheme}:" is not an allowed scheme`;
    return refuse(context === 'image' ? `${why}; images must come from this site` : why, FIXES[context]);
  }
  if (scheme === undefined) {
    if (/^[/\\]{2}/.test(squeezed)) {
      return context === 'image' ? refuse(THIRD_PARTY_IMAGE, FIXES.image) : refuse('a URL starting with // leaves the site without saying how', FIXES[context]);
    }
    if (context === 'external') return refuse('it is not a full address (it needs https://)', FIXES.external);
  }
  if (CONTROL.test(text)) {
    return refuse('it contains a control character (invisible, and dropped by browsers)', 'retype the URL; do not paste invisible characters.');
  }
  if (/\s/.test(text) || UNSAFE_CHARACTER.test(text)) {
    return refuse('it contains a space, a quote, a backslash or an angle bracket', 'write a space as %20 and a quote as %22, or copy the address from the browser\u2019s address bar.');
  }
  if (scheme !== undefined && !text.toLowerCase().startsWith(`${scheme}:`)) {
    return refuse(`its scheme "${scheme}:" is disguised with escapes or invisible characters`, FIXES[context]);
  }
  if ((scheme === 'http' || scheme === 'https') && (!/^https?:\/\/[^/?#]/i.test(text) || !URL.canParse(text))) {
    return refuse('it is not a valid web address', 'write the full address, e.g. https://example.org/page.');
  }
  return { ok: true };
}

/**
 * A DOI as CSL wants it: `10.` + registrant number + `/` + suffix, nothing around it. The styles
 * link it as https://doi.org/<DOI>, so anything else would be glued onto the resolver's address.
 */
export function checkDoi(doi: string): UrlVerdict {
  const example = 'e.g. 10.1057/9781137406897';
  const bare = /^\s*(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\S+?)\s*$/i.exec(doi);
  if (bare) return refuse('a DOI is written without a resolver or a "doi:" prefix', `write "${bare[1]}" (the styles add https://doi.org/).`);
  if (/[\s\u0000-\u001F\u007F-\u009F]/.test(doi)) return refuse('a DOI cannot contain spaces or control characters', `write the bare DOI, ${example}.`);
  if (!/^10\.\d{4,9}\/\S+$/.test(doi)) return refuse('this is not a DOI (a DOI is 10., a registrant number, a slash and a suffix)', `write the bare DOI, ${example}, or put a web address in URL.`);
  if (UNSAFE_CHARACTER.test(doi)) return refuse('a DOI cannot contain quotes, backslashes or angle brackets here', 'percent-encode them (" as %22, < as %3C, > as %3E).');
  return { ok: true };
}
