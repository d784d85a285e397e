/**
 * The "My notes" panel and the note editor. The panel lists the reader's notes by passage, edits and
 * deletes them (with undo), exports them (W3C Web Annotation JSON-LD, Markdown) and imports a file:
 * the file is checked completely first, a summary says what will change, a backup export is offered,
 * and only then are the notes merged; a refused file changes nothing.
 */
import { passageAnchor } from '../../lib/constants.ts';
import { passageHref } from '../../lib/reading-layout.ts';
import { withBase } from '../../lib/urls.ts';
import { mergeNotes, notesToMarkdown, parseNotesFile, toAnnotationCollection } from '../../lib/personal-notes.ts';
import { OPENING_LENGTH } from '../../lib/passage-openings.ts';
import { MAX_IMPORT_BYTES, MAX_NOTE_LENGTH, type PersonalNote } from '../../schemas/personal-note.ts';
import { button, download, h, labelled, modal, openModal } from './dom.ts';
import { addNote, allNotes, importNotes, onNotesChange, openingOf, placementOf, removeNote, restoreNote, startNotes, updateNote } from './notes-runtime.ts';
import { textElementOf, textOf } from './passage-text.ts';
import { readerContext } from './reader-context.ts';
import type { Target } from './reader-tools.ts';

const PANEL_ID = 'my-notes-panel';
const EDITOR_ID = 'my-note-editor';
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// ---- panel --------------------------------------------------------------------------------------

let panel: ReturnType<typeof buildPanel> | undefined;

function buildPanel() {
  const { dialog, body } = modal(PANEL_ID, 'notes-panel', 'My notes');
  const fileInput = h('input', { type: 'file', accept: '.json,.jsonld,application/json,application/ld+json', class: 'visually-hidden' });
  const actions = h(
    'div',
    { class: 'tool-actions' },
    button('Export JSON-LD', { 'data-do': 'export-json' }),
    button('Export Markdown', { 'data-do': 'export-md' }),
    h('label', { class: 'file-button' }, fileInput, 'Import…'),
  );
  const message = h('div', { class: 'tool-message', role: 'status' });
  const review = h('div', { class: 'notes-import', hidden: true });
  const list = h('div', { class: 'notes-list' });
  body.append(
    h('p', { class: 'hint' }, 'Kept in this browser only. Export them to keep a copy or to move them to another browser.'),
    actions,
    message,
    review,
    list,
  );
  dialog.addEventListener('click', (event) => {
    const control = (event.target as Element).closest<HTMLElement>('[data-do]');
    if (control) void onAction(control);
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) void reviewImport(file);
  });
  onNotesChange(() => renderList());
  return { dialog, message, review, list, fileInput };
}

/** Opens the panel; with a passage (and note), scrolls to it and focuses it. */
export async function openPanel(opener?: Element, passage?: string, noteId?: string) {
  await startNotes();
  panel ??= buildPanel();
  renderList();
  openModal(panel.dialog, opener);
  const focus =
    (noteId && panel.list.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(noteId)}"]`)) ||
    (passage && panel.list.querySelector<HTMLElement>(`[data-passage-group="${CSS.escape(passage)}"] h3`));
  if (focus) {
    focus.tabIndex = -1;
    focus.focus();
  }
}

function say(text: string, extra?: Node, alert = false) {
  const { message } = panel!;
  message.setAttribute('role', alert ? 'alert' : 'status');
  message.classList.toggle('is-error', alert);
  message.replaceChildren(h('p', {}, text), ...(extra ? [extra] : []));
}

function renderList() {
  if (!panel) return;
  const { passages, passageElement, layout } = readerContext();
  const notes = allNotes();
  const groups = new Map<string, PersonalNote[]>();
  for (const note of notes) groups.set(note.passage, [...(groups.get(note.passage) ?? []), note]);
  const numberOf = new Map(passages.map((p) => [p.id, p.number]));
  panel.list.replaceChildren(
    notes.length === 0
      ? h('p', { class: 'notes-empty' }, 'No notes yet. Select words in the text, then choose Highlight or Note (or press Alt+Shift+H or Alt+Shift+N); with the keyboard, press Enter on a passage number and choose Select words….')
      : h('p', { class: 'hint' }, `${plural(notes.length, 'note')} on ${plural(groups.size, 'passage')}.`),
    ...[...groups].map(([passage, own]) => {
      const element = passageElement(passage);
      // Read from this page's text, or kept from the page that holds the passage (notes-runtime).
      const opening = openingOf(passage) ?? '';
      const number = numberOf.get(passage);
      return h(
        'section',
        { class: 'notes-group', 'data-passage-group': passage },
        h(
          'h3',
          {},
          // A passage on another section page of a long reading: a link to that page.
          h('a', element || !layout ? { href: `#${passageAnchor(passage)}`, 'data-do': 'show' } : { href: withBase(passageHref(layout, passage)) }, number ? `Passage ${number}` : passage),
          opening && h('span', { class: 'notes-group-opening' }, ` ${opening}${opening.length === OPENING_LENGTH ? '…' : ''}`),
        ),
        h('ol', {}, ...own.map((note) => noteItem(note, number))),
      );
    }),
  );
}

function noteItem(note: PersonalNote, passageNumber: number | undefined): HTMLLIElement {
  const where = `on passage ${passageNumber ?? note.passage}`;
  const placed = !note.quote || placementOf(note.id);
  return h(
    'li',
    { class: `my-note${note.text ? '' : ' my-note--highlight'}`, 'data-note-id': note.id },
    note.quote ? h('blockquote', { class: 'my-note-quote' }, note.quote.exact) : h('p', { class: 'my-note-quote' }, 'The whole passage'),
    note.text && h('p', { class: 'my-note-text' }, note.text),
    !placed && h('p', { class: 'my-note-warning' }, 'These words are no longer in the text here; the note is kept.'),
    h('p', { class: 'my-note-meta' }, `${note.text ? 'Note' : 'Highlight'}, ${dateFormat.format(new Date(note.modified))}`),
    h(
      'div',
      { class: 'tool-actions' },
      button(labelled(note.text ? 'Edit' : 'Add note', ` ${note.text ? 'note' : 'to highlight'} ${where}`), { 'data-do': 'edit' }),
      button(labelled('Delete', ` ${note.text ? 'note' : 'highlight'} ${where}`), { 'data-do': 'delete' }),
    ),
  );
}

async function onAction(control: HTMLElement) {
  const id = control.closest<HTMLElement>('[data-note-id]')?.dataset.noteId;
  const note = id ? allNotes().find((n) => n.id === id) : undefined;
  switch (control.dataset.do) {
    case 'edit':
      if (note) openEditor({ note }, control);
      break;
    case 'delete':
      if (note) {
        removeNote(note.id);
        const undo = button('Undo');
        undo.addEventListener('click', () => {
          restoreNote(note);
          say('Restored.');
        });
        say(`${note.text ? 'Note' : 'Highlight'} deleted.`, undo);
        undo.focus();
      }
      break;
    case 'show': {
      const passage = control.closest<HTMLElement>('[data-passage-group]')?.dataset.passageGroup;
      panel!.dialog.close();
      const element = passage && readerContext().passageElement(passage);
      if (element) {
        element.scrollIntoView({ block: 'center' });
        element.querySelector<HTMLElement>('.passage-number')?.focus({ preventScroll: true });
      }
      break;
    }
    case 'export-json':
      exportJson();
      break;
    case 'export-md':
      exportMarkdown();
      break;
  }
}

const fileStem = () => `${readerContext().readingId}-my-notes-${new Date().toISOString().slice(0, 10)}`;

function exportJson() {
  const context = readerContext();
  const collection = toAnnotationCollection(allNotes(), { ...context, readingUrl: context.readingHomeUrl });
  download(`${fileStem()}.jsonld`, `${JSON.stringify(collection, null, 2)}\n`, 'application/ld+json');
}

function exportMarkdown() {
  const context = readerContext();
  download(`${fileStem()}.md`, notesToMarkdown(allNotes(), { ...context, readingUrl: context.readingHomeUrl, exportedAt: new Date().toISOString() }), 'text/markdown');
}

// ---- import -------------------------------------------------------------------------------------

async function reviewImport(file: File) {
  const { review } = panel!;
  review.hidden = true;
  const refuse = (problems: string[]) =>
    say(`Nothing was imported from “${file.name}”: the file was refused, and your notes are unchanged.`, h('ul', {}, ...problems.map((p) => h('li', {}, p))), true);
  // The size is checked before the file is read at all.
  if (file.size > MAX_IMPORT_BYTES) {
    refuse([`The file is ${(file.size / 1_000_000).toFixed(1)} MB; a notes file can be at most ${MAX_IMPORT_BYTES / 1_000_000} MB.`]);
    return;
  }
  const result = parseNotesFile(await file.text(), readerContext(), file.size);
  if (!result.ok) {
    refuse(result.problems);
    return;
  }
  const mine = allNotes();
  const preview = mergeNotes(mine, result.notes);
  const confirm = button(`Import ${plural(result.notes.length, 'note')}`, { class: 'primary' });
  const backup = button('Download a backup of my notes first');
  const cancel = button('Cancel');
  review.replaceChildren(
    h('h3', {}, `Import “${file.name}”?`),
    h(
      'p',
      {},
      `It holds ${plural(result.notes.length, 'note')}: ${preview.added} new, ${preview.updated} newer than yours, ${preview.kept} you already have. ` +
        `Your ${plural(mine.length, 'note')} all stay; where a note is in both, the version edited last is kept.`,
    ),
    h('div', { class: 'tool-actions' }, confirm, backup, cancel),
  );
  review.hidden = false;
  say('The file is valid. Check what it will change, then import.');
  backup.addEventListener('click', exportJson);
  cancel.addEventListener('click', () => {
    review.hidden = true;
    say('Import cancelled; nothing changed.');
  });
  confirm.addEventListener('click', () => {
    const merged = importNotes(result.notes);
    review.hidden = true;
    say(`Imported: ${merged.added} added, ${merged.updated} updated, ${merged.kept} already here.`);
  });
  confirm.focus();
}

// ---- editor -------------------------------------------------------------------------------------

let editor: { dialog: HTMLDialogElement; heading: HTMLHeadingElement; quote: HTMLElement; textarea: HTMLTextAreaElement; form: HTMLFormElement } | undefined;
let editing: { note?: PersonalNote; target?: Target } = {};

function buildEditor() {
  const { dialog, heading, body } = modal(EDITOR_ID, 'note-editor', 'Note');
  const quote = h('blockquote', { class: 'my-note-quote' });
  const textarea = h('textarea', { id: `${EDITOR_ID}-text`, rows: '6', maxlength: String(MAX_NOTE_LENGTH) });
  const form = h(
    'form',
    { method: 'dialog' },
    quote,
    h('label', { for: textarea.id }, 'Your note'),
    textarea,
    h('p', { class: 'hint' }, 'Plain text, kept in this browser.'),
    h('div', { class: 'tool-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save note'), button('Cancel', { 'data-cancel': '' })),
  );
  body.append(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = textarea.value.trim();
    if (editing.note) updateNote(editing.note.id, text);
    else if (editing.target) addNote(editing.target, text);
    getSelection()?.removeAllRanges();
    dialog.close();
  });
  form.querySelector('[data-cancel]')!.addEventListener('click', () => dialog.close());
  return { dialog, heading, quote, textarea, form };
}

/** Opens the editor for a new note on `target` or for an existing `note`. */
export async function openEditor(what: { note?: PersonalNote; target?: Target }, opener?: Element) {
  await startNotes();
  editor ??= buildEditor();
  editing = what;
  const passage = what.note?.passage ?? what.target!.passage;
  const number = readerContext().passages.find((p) => p.id === passage)?.number;
  editor.heading.textContent = `${what.note ? 'Edit note' : 'Note'} on passage ${number ?? passage}`;
  let quote = what.note?.quote?.exact;
  if (!what.note && what.target?.start !== undefined) {
    const element = textElementOf(readerContext().passageElement(passage)!);
    quote = element ? textOf(element).slice(what.target.start, what.target.end) : undefined;
  }
  editor.quote.textContent = quote ?? 'The whole passage';
  editor.textarea.value = what.note?.text ?? '';
  openModal(editor.dialog, opener);
  editor.textarea.focus();
}
