/**
 * <ar-assigned> holds a reading's assigned-part banners (src/components/AssignedBanners.astro).
 * When the page was opened from a session's link (`?assigned=<key>`), it shows that part's banner
 * and marks its passages in the margin; the rest of the text stays as it is. The banner sticks to
 * the top of the screen, so the page's scroll padding grows by its height: a passage reached by
 * its link or a control reached by Tab is never hidden under it.
 */
import { ASSIGNED_DATA, ASSIGNED_ELEMENT, ASSIGNED_PARAM } from '../lib/assigned-range.ts';
import { CLASS, passageAnchor } from '../lib/constants.ts';

class ArAssigned extends HTMLElement {
  connectedCallback() {
    const key = new URLSearchParams(location.search).get(ASSIGNED_PARAM);
    if (!key) return;
    const banner = [...this.querySelectorAll<HTMLElement>(`[${ASSIGNED_DATA.key}]`)].find((b) => b.getAttribute(ASSIGNED_DATA.key) === key);
    if (!banner) return;
    const first = document.getElementById(passageAnchor(banner.getAttribute(ASSIGNED_DATA.from) ?? ''));
    const last = document.getElementById(passageAnchor(banner.getAttribute(ASSIGNED_DATA.to) ?? ''));
    if (!first || !last) return;
    banner.hidden = false;
    let inside = false;
    for (const passage of document.querySelectorAll<HTMLElement>(`.${CLASS.passage}`)) {
      if (passage === first) inside = true;
      if (inside) passage.setAttribute(ASSIGNED_DATA.mark, '');
      if (passage === last) break;
    }
    const root = document.documentElement;
    const base = parseFloat(getComputedStyle(root).scrollPaddingTop) || 0;
    root.style.scrollPaddingTop = `${base + banner.getBoundingClientRect().height}px`;
    // The fragment was scrolled to before the banner took its place at the top.
    if (location.hash === `#${first.id}`) first.scrollIntoView({ block: 'start' });
  }
}

if (!customElements.get(ASSIGNED_ELEMENT)) customElements.define(ASSIGNED_ELEMENT, ArAssigned);
