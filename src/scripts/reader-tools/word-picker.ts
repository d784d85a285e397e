/**
 * "Select words…": choosing any words of a passage without a mouse and with a screen reader. Static
 * text has no caret (Shift+arrows select nothing unless the reader turns on caret browsing), so the
 * passage's words are offered in a dialog as a multi-select list box, the pattern screen readers
 * know (NVDA and JAWS switch to focus mode in it and pass the arrow keys through): arrows move word
 * by word, Shift+arrows extend the choice; or the reader types the words ("public funding", or
 * "partner … media" for a longer span) and the first place they occur is chosen. Each step is
 * announced in a live region. Highlight, Note, Cite and Copy link then act on the choice exactly as
 * on a mouse selection: the same target, passage id with start and end offsets into its text.
 */
import { choiceBounds, choiceSpan, describeChoice, findWords, moveChoice, wordsOf, type WordChoice, type WordMove, type WordSpan } from '../../lib/word-choice.ts';
import { button, h, modal } from './dom.ts';
import { textElementOf, textOf } from './passage-text.ts';
import { readerContext } from './reader-context.ts';
import type { Target } from './reader-tools.ts';

export type PickerAction = 'highlight' | 'note' | 'cite' | 'link';

const DIALOG_ID = 'choose-words';
const ACTIONS: [PickerAction, string][] = [
  ['highlight', 'Highlight'],
  ['note', 'Note'],
  ['cite', 'Cite'],
  ['link', 'Copy link'],
];
const KEYS: Partial<Record<string, WordMove>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
  PageDown: 'next-page',
  PageUp: 'previous-page',
};

interface Picker {
  dialog: HTMLDialogElement;
  heading: HTMLHeadingElement;
  list: HTMLElement;
  find: HTMLInputElement;
  status: HTMLElement;
}

interface Session {
  passage: string;
  text: string;
  words: WordSpan[];
  options: HTMLElement[];
  choice: WordChoice;
  /** The matches of what is typed in the find field, and which one is chosen. */
  matches: WordChoice[];
  match: number;
  rtl: boolean;
  act: (action: PickerAction, target: Target) => void;
  /** Where focus goes when the dialog closes: the passage number. */
  returnTo: HTMLElement | null;
}

let picker: Picker | undefined;
let session: Session | undefined;

function build(): Picker {
  const { dialog, heading, body } = modal(DIALOG_ID, 'word-picker', 'Select words');
  const hint = h(
    'p',
    { class: 'hint', id: `${DIALOG_ID}-hint` },
    'Arrow keys move word by word; Shift with an arrow extends the choice; Home and End go to the first and last word. ' +
      'Or type the words (typing in the list starts there): the first and last few with “…” between them choose everything from one to the other.',
  );
  const list = h('div', {
    class: 'word-list',
    role: 'listbox',
    tabindex: '0',
    'aria-multiselectable': 'true',
    'aria-orientation': 'horizontal',
    'aria-describedby': hint.id,
  });
  const find = h('input', { id: `${DIALOG_ID}-find`, type: 'text', autocomplete: 'off', spellcheck: 'false', class: 'word-find' });
  const status = h('p', { class: 'word-choice-status', role: 'status' });
  const actions = h('div', { class: 'tool-actions' }, ...ACTIONS.map(([action, label]) => button(label, { 'data-pick': action })));
  body.append(hint, list, h('label', { for: find.id, class: 'word-find-label' }, 'Or type the words'), find, status, actions);

  list.addEventListener('keydown', onListKey);
  list.addEventListener('click', (event) => {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    if (!option || !session) return;
    const index = session.options.indexOf(option);
    choose(event.shiftKey ? { anchor: session.choice.anchor, focus: index } : { anchor: index, focus: index });
  });
  find.addEventListener('input', () => onFind(0));
  find.addEventListener('keydown', (event) => {
    if (!session || session.matches.length === 0) return;
    // Enter (or Down) takes the next place the words occur, Shift+Enter (or Up) the one before.
    const step = event.key === 'Enter' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    onFind((session.match + (event.shiftKey ? -step : step) + session.matches.length) % session.matches.length);
  });
  actions.addEventListener('click', (event) => {
    const action = (event.target as Element).closest<HTMLElement>('[data-pick]')?.dataset.pick as PickerAction | undefined;
    if (!action || !session) return;
    const span = choiceSpan(session.words, session.choice);
    if (!span) return;
    const { act, passage } = session;
    dialog.close();
    act(action, { passage, ...span });
  });
  dialog.addEventListener('close', () => {
    const returnTo = session?.returnTo;
    // An action may have opened another dialog (Note, Cite), which has the focus and returns it there itself.
    if (returnTo?.isConnected && !document.querySelector('dialog[open]')) returnTo.focus();
  });
  return { dialog, heading, list, find, status };
}

function onListKey(event: KeyboardEvent) {
  if (!session || !picker || event.altKey || event.ctrlKey || event.metaKey) return;
  // Typing in the list searches: focus moves to the find field, and the letter lands there.
  if (event.key.length === 1 && event.key !== ' ') {
    picker.find.focus();
    return;
  }
  // Space would scroll the list; the choice is already made by the arrows.
  if (event.key === ' ') event.preventDefault();
  let move = KEYS[event.key];
  // In right-to-left text the next word is to the left.
  if (session.rtl && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) move = event.key === 'ArrowLeft' ? 'next' : 'previous';
  if (!move) return;
  event.preventDefault();
  choose(moveChoice(session.choice, move, session.words.length, event.shiftKey));
}

function onFind(match: number) {
  if (!session || !picker) return;
  const query = picker.find.value;
  session.matches = query.trim() ? findWords(session.text, session.words, query, picker.list.lang || undefined) : [];
  session.match = match;
  const found = session.matches[match];
  if (found) choose(found, session.matches.length > 1 ? ` Place ${match + 1} of ${session.matches.length}; Enter for the next.` : '');
  else if (query.trim()) say('These words are not in this passage.');
}

function say(text: string) {
  picker!.status.textContent = text;
}

/** Shows and announces a new choice. */
function choose(choice: WordChoice, more = '') {
  if (!session || !picker) return;
  session.choice = choice;
  const [first, last] = choiceBounds(choice);
  session.options.forEach((option, i) => option.setAttribute('aria-selected', String(i >= first && i <= last)));
  const active = session.options[choice.focus];
  if (active) {
    picker.list.setAttribute('aria-activedescendant', active.id);
    for (const option of picker.list.querySelectorAll('.is-active')) option.classList.remove('is-active');
    active.classList.add('is-active');
    active.scrollIntoView({ block: 'nearest' });
  }
  say(`${describeChoice(session.text, session.words, choice)}.${more}`);
}

/**
 * Opens the word chooser on a passage; `act` is called with the chosen words as a target once the
 * reader picks an action, after this dialog has closed. Focus returns to the passage's number.
 */
export function openWordPicker(passage: string, act: Session['act']) {
  const element = readerContext().passageElement(passage);
  const textElement = element && textElementOf(element);
  if (!element || !textElement) return;
  picker ??= build();
  const text = textOf(textElement);
  const lang = textElement.closest<HTMLElement>('[lang]')?.lang ?? '';
  const rtl = getComputedStyle(textElement).direction === 'rtl';
  const words = wordsOf(text, lang || undefined);
  const number = readerContext().passages.find((p) => p.id === passage)?.number ?? passage;
  const { dialog, heading, list, find } = picker;
  heading.textContent = `Select words in passage ${number}`;
  list.setAttribute('aria-label', `Words of passage ${number}`);
  for (const element of [list, find]) {
    if (lang) element.lang = lang;
    else element.removeAttribute('lang');
  }
  list.dir = rtl ? 'rtl' : 'ltr';
  // The passage's text as it reads, each word an option; spaces and punctuation are shown between
  // them but are not options (hidden from the accessibility tree, which reads the words alone).
  const options: HTMLElement[] = [];
  const pieces: Node[] = [];
  let at = 0;
  words.forEach((word, i) => {
    if (word.start > at) pieces.push(h('span', { 'aria-hidden': 'true' }, text.slice(at, word.start)));
    const option = h('span', { role: 'option', id: `${DIALOG_ID}-w${i}`, 'aria-selected': 'false' }, text.slice(word.start, word.end));
    options.push(option);
    pieces.push(option);
    at = word.end;
  });
  if (at < text.length) pieces.push(h('span', { 'aria-hidden': 'true' }, text.slice(at)));
  list.replaceChildren(...pieces);
  find.value = '';
  session = {
    passage,
    text,
    words,
    options,
    choice: { anchor: 0, focus: 0 },
    matches: [],
    match: 0,
    rtl,
    act,
    returnTo: element.querySelector<HTMLElement>('.passage-number'),
  };
  if (!dialog.open) dialog.showModal();
  list.focus();
  choose({ anchor: 0, focus: 0 });
}
