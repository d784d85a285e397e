/**
 * <ar-layers> on a reading page with annotation layers. Without JavaScript it is a list of links
 * to the layers' own pages. With it, each layer gets a switch in the Display settings (added when
 * the panel opens, so the page carries no markup for it), remembered per browser; a layer that is
 * on is fetched from its JSON (built by src/pages/read/[reading]/layers/[layer].json.ts) and its
 * threads are put after their passages, the words they quote highlighted. A layer marked `shown`
 * in its layer.yaml is on until a reader switches it off.
 */
import { reanchor } from '../lib/reanchor.ts';
import type { LayerClientData } from '../lib/layers.ts';
import { SETTINGS_PANEL_ID as PANEL_ID } from '../lib/settings-panel.ts';
import { offsetsToRange, textElementOf, textOf } from './reader-tools/passage-text.ts';
import { stylesheet } from './stylesheets.ts';
// As a URL: a plain CSS import would be hoisted by Astro into every reading's inlined CSS, layers or not.
import threadStyles from '../styles/layers-reader.css?url';

interface LayerInfo {
  id: string;
  title: string;
  shown: boolean;
  data: string;
}

const STORAGE_KEY = 'ar-layers';
const HIGHLIGHT = 'ar-layer';

function stored(): Record<string, 'on' | 'off'> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, 'on' | 'off'>) : {};
  } catch {
    return {};
  }
}

class ArLayers extends HTMLElement {
  #reading = '';
  #layers: LayerInfo[] = [];
  #loaded = new Map<string, Promise<LayerClientData | undefined>>();
  #ranges = new Map<string, Range[]>();
  /** The layer a search result asked for (`?layer=`): on for this visit until switched, not remembered. */
  #asked: string | null = null;

  connectedCallback() {
    this.#reading = this.dataset.reading ?? '';
    try {
      this.#layers = JSON.parse(this.dataset.layers ?? '[]') as LayerInfo[];
    } catch {
      this.#layers = [];
    }
    // A search result for a thread asks for its layer (`?layer=`): shown for this visit, not remembered.
    this.#asked = new URLSearchParams(location.search).get('layer');
    for (const layer of this.#layers) if (this.#isOn(layer)) void this.#show(layer);
    // The settings panel is a popover whose toggle events do not bubble: caught on the way down.
    document.addEventListener('beforetoggle', this.#onPanel, { capture: true });
  }

  disconnectedCallback() {
    document.removeEventListener('beforetoggle', this.#onPanel, { capture: true });
  }

  #key = (layer: LayerInfo) => `${this.#reading}/${layer.id}`;

  #isOn(layer: LayerInfo) {
    if (layer.id === this.#asked) return true;
    const choice = stored()[this.#key(layer)];
    return choice ? choice === 'on' : layer.shown;
  }

  #onPanel = (event: Event) => {
    const panel = event.target;
    if (!(panel instanceof HTMLElement) || panel.id !== PANEL_ID || (event as ToggleEvent).newState !== 'open') return;
    const form = panel.querySelector('form');
    if (!form) return;
    let fieldset = form.querySelector<HTMLFieldSetElement>('.layer-switches');
    if (!fieldset) {
      fieldset = document.createElement('fieldset');
      fieldset.className = 'layer-switches';
      const legend = document.createElement('legend');
      legend.textContent = 'Annotation layers';
      fieldset.append(legend);
      for (const layer of this.#layers) {
        const label = document.createElement('label');
        label.className = 'check';
        const input = document.createElement('input');
        input.type = 'checkbox';
        input.dataset.layer = layer.id;
        input.addEventListener('change', () => this.#switch(layer, input.checked));
        label.append(input, ` ${layer.title}`);
        fieldset.append(label);
      }
      const after = form.querySelector('input[name="clean"]')?.closest('fieldset');
      if (after) after.after(fieldset);
      else form.prepend(fieldset);
    }
    for (const input of fieldset.querySelectorAll<HTMLInputElement>('input[data-layer]')) {
      const layer = this.#layers.find((l) => l.id === input.dataset.layer);
      if (layer) input.checked = this.#isOn(layer);
    }
  };

  #switch(layer: LayerInfo, on: boolean) {
    if (layer.id === this.#asked) this.#asked = null;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...stored(), [this.#key(layer)]: on ? 'on' : 'off' }));
    } catch {
      // Storage refused: the choice still holds on this page.
    }
    if (on) void this.#show(layer);
    else this.#hide(layer);
  }

  #load(layer: LayerInfo) {
    let data = this.#loaded.get(layer.id);
    if (!data) {
      data = fetch(layer.data)
        .then((response) => (response.ok ? (response.json() as Promise<LayerClientData>) : undefined))
        .catch(() => undefined);
      this.#loaded.set(layer.id, data);
    }
    return data;
  }

  async #show(layer: LayerInfo) {
    // The threads' rules come with the first layer shown, and are in before any thread is.
    const [data] = await Promise.all([this.#load(layer), stylesheet(threadStyles)]);
    if (!data) return;
    this.#hide(layer);
    const ranges: Range[] = [];
    const byPassage = new Map<string, string[]>();
    for (const thread of data.threads) byPassage.set(thread.passage, [...(byPassage.get(thread.passage) ?? []), thread.html]);
    for (const thread of data.threads) {
      const text = document.getElementById(`p-${thread.passage}`) && textElementOf(document.getElementById(`p-${thread.passage}`)!);
      if (!text || !thread.quote) continue;
      const at = reanchor(textOf(text), thread.quote, thread.range);
      if (at) ranges.push(offsetsToRange(text, at.start, at.end));
    }
    for (const [passage, threads] of byPassage) {
      const row = document.getElementById(`p-${passage}`);
      const text = row && textElementOf(row);
      if (!row || !text) continue;
      const aside = document.createElement('aside');
      aside.className = 'layer-notes';
      aside.dataset.layer = layer.id;
      aside.dataset.pagefindIgnore = 'all';
      const number = row.querySelector('.passage-number')?.textContent?.replace(/\D+/g, '') ?? '';
      aside.setAttribute('aria-label', `${data.title}, passage ${number}`);
      // Built from the layer's files by the build, every body through the sanitiser (src/lib/layers.ts).
      aside.innerHTML = threads.join('');
      // One box per passage holds every layer that is on: the passage's grid has one cell for them.
      let box = row.querySelector<HTMLElement>(':scope > .layer-box');
      if (!box) {
        box = document.createElement('div');
        box.className = 'layer-box';
        text.after(box);
      }
      box.append(aside);
    }
    this.#ranges.set(layer.id, ranges);
    this.#paint();
  }

  #hide(layer: LayerInfo) {
    for (const aside of document.querySelectorAll(`.layer-notes[data-layer="${CSS.escape(layer.id)}"]`)) aside.remove();
    for (const box of document.querySelectorAll('.layer-box:empty')) box.remove();
    this.#ranges.delete(layer.id);
    this.#paint();
  }

  #paint() {
    if (!('highlights' in CSS)) return;
    CSS.highlights.set(HIGHLIGHT, new Highlight(...[...this.#ranges.values()].flat()));
  }
}

if (!customElements.get('ar-layers')) customElements.define('ar-layers', ArLayers);
