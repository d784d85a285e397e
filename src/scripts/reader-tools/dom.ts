/**
 * Small DOM builders for the panels the reader tools open on demand. Everything a reader wrote, and
 * everything from an imported file, goes in as text (textContent), never as HTML.
 */
import { readerContext } from './reader-context.ts';

type Child = Node | string | null | undefined | false;

/** `h('p', { class: 'hint' }, 'text', child)`: attributes are set as attributes, children as text or nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

export function button(label: string | Node, attributes: Record<string, string | boolean | undefined> = {}) {
  return h('button', { type: 'button', ...attributes }, label);
}

/** A label for sighted readers with more for screen readers: "Edit" + " note on passage 3". */
export function labelled(visible: string, hidden: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(visible, h('span', { class: 'visually-hidden' }, hidden));
  return fragment;
}

/**
 * A modal dialog with a heading and a close button, created once and kept. `showModal` gives focus
 * containment, Escape and the inert page behind it; focus returns to `opener` on close.
 */
export function modal(id: string, className: string, title: string): { dialog: HTMLDialogElement; heading: HTMLHeadingElement; body: HTMLDivElement } {
  const existing = document.getElementById(id) as HTMLDialogElement | null;
  if (existing) {
    return { dialog: existing, heading: existing.querySelector('h2')!, body: existing.querySelector<HTMLDivElement>('.tool-dialog-body')! };
  }
  const heading = h('h2', { id: `${id}-title` }, title);
  const close = button(labelled('×', `Close: ${title}`), { class: 'tool-close' });
  const body = h('div', { class: 'tool-dialog-body' });
  const dialog = h('dialog', { id, class: `tool-dialog ${className}`, 'aria-labelledby': `${id}-title`, 'data-pagefind-ignore': 'all' });
  dialog.append(h('div', { class: 'tool-panel-head' }, heading, close), body);
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the dialog's box) closes it, as people expect of a sheet.
  dialog.addEventListener('click', (event) => {
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const { clientX: x, clientY: y } = event;
    if (x < box.left || x > box.right || y < box.top || y > box.bottom) dialog.close();
  });
  readerContext().root.append(dialog);
  return { dialog, heading, body };
}

/** Opens a dialog and puts focus back on `opener` (or the last focused element) when it closes. */
export function openModal(dialog: HTMLDialogElement, opener?: Element | null) {
  const returnTo = (opener ?? document.activeElement) as HTMLElement | null;
  dialog.addEventListener(
    'close',
    () => {
      if (returnTo?.isConnected) returnTo.focus();
    },
    { once: true },
  );
  if (!dialog.open) dialog.showModal();
}

/** Offers `content` as a file download. */
export function download(filename: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
