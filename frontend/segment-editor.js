/*
 * <segment-editor>: edits one segment of a translation. The value is the workbench's own text model, never HTML:
 *
 *   value  = '[{"t":"Press "},{"c":0},{"t":"Save"},{"c":1},{"t":" now."}]'   (runs: text, or code by index)
 *   codes  = '[{"label":"<b>","kind":"OPENING","id":1},{"label":"</b>","kind":"CLOSING","id":1}]'
 *   issues = '[{"offset":6,"length":4,"severity":"error","message":"...","suggestions":["..."]}]'
 *
 * Offsets of issues count characters of the plain text (codes excluded), as Java's String does (UTF-16 units).
 *
 * Inline codes are atomic chips (contenteditable=false). Every code of the list is always in the text exactly
 * once: Backspace/Delete next to a chip steps over it (the chip flashes); deleting or typing over a selection
 * that holds chips keeps the chips at the caret; cut + paste or drag + drop inside the same editor moves them.
 * Pasted or dropped content is inserted as plain text.
 *
 * Keys come from the `keymap` property ('[{"keys":["Mod+S"],"action":"save"},…]', set by the Java wrapper from
 * its one list of shortcuts, which also feeds the help overlay). "Mod" is Ctrl, or Cmd on a Mac. Actions the
 * editor does itself: undo, redo, line-break, apply-suggestion (Alt+Enter the first, Alt+1..9 the n-th),
 * insert-code; confirm fires segment-save, cancel segment-cancel, copy-mt segment-copy-mt, add-term
 * segment-add-term (detail.selection), previous/next segment-navigate; any other action fires segment-shortcut
 * (detail.action). Plain Enter inserts nothing; Backspace/Delete step over chips.
 *
 * Events (bubbling, composed CustomEvents; detail.value is the runs JSON): segment-input (400 ms after typing
 * stops, or at once after a suggestion or insertText), segment-save, segment-cancel, segment-copy-mt,
 * segment-navigate (detail.direction: -1 previous, +1 next), segment-add-term (detail.selection),
 * segment-shortcut (detail.action, detail.caret: see caretOffset()), segment-draft-found (detail.savedAt: a draft of this segment is stored).
 *
 * Drafts: with a `draftKey` (segment id and version), every edit is also kept in localStorage as runs JSON (never
 * HTML) until the server says it was saved or discarded (markClean), so typing survives a closed tab or an expired
 * session; while the text differs from what the server set, leaving the page asks first (beforeunload).
 */
import { LitElement, html, css } from 'lit';

const SEVERITIES = ['error', 'warning', 'info'];
const HIGHLIGHT_PREFIX = 'segment-';
const ACTIVE_HIGHLIGHT = 'segment-active';
const RUNS_MIME = 'application/x-segment-runs';
const INPUT_DEBOUNCE_MS = 400;
const TYPING_COALESCE_MS = 1000;
const UNDO_LIMIT = 200;
// The Java model's code markers must never be typed or pasted into the text.
const MARKERS = /[\uE101-\uE103]/g;
const DRAFT_PREFIX = 'segment-draft:';
const DRAFT_MAX_AGE_MS = 14 * 24 * 3600 * 1000;

let instanceCounter = 0;

/** One Highlight per severity, shared by every editor of the page (the registry is global). */
function sharedHighlight(name, priority) {
  if (typeof CSS === 'undefined' || !CSS.highlights || typeof Highlight === 'undefined') {
    return null;
  }
  let highlight = CSS.highlights.get(name);
  if (!highlight) {
    highlight = new Highlight();
    highlight.priority = priority;
    CSS.highlights.set(name, highlight);
  }
  return highlight;
}

function parseJson(text, fallback) {
  if (Array.isArray(text)) {
    return text;
  }
  if (text === null || text === undefined || text === '') {
    return fallback;
  }
  try {
    const parsed = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : fallback;
  } catch (e) {
    console.warn('segment-editor: ignoring malformed JSON', e);
    return fallback;
  }
}

function cleanText(text) {
  return String(text ?? '').replace(/\r\n?/g, '\n').replace(MARKERS, '');
}

/** Joins neighbouring text runs and drops empty ones, so equal texts have equal JSON. */
function canonicalRuns(runs) {
  const out = [];
  for (const run of runs) {
    if (run && typeof run.c === 'number') {
      out.push({ c: run.c });
    } else if (run && typeof run.t === 'string' && run.t.length > 0) {
      const t = cleanText(run.t);
      if (!t) {
        continue;
      }
      const last = out[out.length - 1];
      if (last && last.t !== undefined) {
        last.t += t;
      } else {
        out.push({ t });
      }
    }
  }
  return out;
}

function plainTextOf(runs) {
  return runs.map((r) => (r.t !== undefined ? r.t : '')).join('');
}

export class SegmentEditor extends LitElement {
  static properties = {
    value: { type: String },
    codes: { type: String },
    readonly: { type: Boolean, reflect: true },
    placeholder: { type: String },
    issues: { type: String },
    keymap: { type: String },
    draftKey: { type: String, attribute: 'draft-key' },
  };

  static shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static styles = css`
    :host {
      display: flex;
      flex-direction: column;
      position: relative;
      box-sizing: border-box;
      font-family: var(--lumo-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', sans-serif);
      font-size: var(--lumo-font-size-m, 1rem);
      line-height: var(--lumo-line-height-s, 1.4);
      color: var(--lumo-body-text-color, hsla(214, 40%, 16%, 0.94));
    }
    :host([hidden]) {
      display: none !important;
    }
    .editor {
      flex: 1 1 auto;
      overflow-y: auto;
      box-sizing: border-box;
      min-height: calc(var(--lumo-size-m, 2.25rem) + 0.5em);
      padding: var(--lumo-space-xs, 0.25rem) var(--lumo-space-s, 0.5rem);
      border: 1px solid var(--lumo-contrast-30pct, hsla(214, 50%, 22%, 0.34));
      border-radius: var(--lumo-border-radius-m, 0.25em);
      background: var(--lumo-base-color, #fff);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      outline: none;
      cursor: text;
      caret-color: var(--lumo-primary-color, hsl(214, 100%, 48%));
    }
    .editor:focus {
      border-color: var(--lumo-primary-color, hsl(214, 100%, 48%));
      box-shadow: 0 0 0 2px var(--lumo-primary-color-50pct, hsla(214, 100%, 49%, 0.5));
    }
    :host([readonly]) .editor {
      min-height: 0;
      padding: 0;
      border: none;
      background: transparent;
      box-shadow: none;
      cursor: inherit;
      font-size: inherit;
    }
    .placeholder {
      position: absolute;
      top: calc(var(--lumo-space-xs, 0.25rem) + 1px);
      left: calc(var(--lumo-space-s, 0.5rem) + 1px);
      color: var(--lumo-secondary-text-color, hsla(214, 42%, 18%, 0.69));
      pointer-events: none;
      display: none;
    }
    :host([empty]) .placeholder {
      display: block;
    }
    :host([readonly]) .placeholder {
      top: 0;
      left: 0;
    }
    .chip {
      display: inline-block;
      margin: 0 1px;
      padding: 0 0.35em;
      max-width: 14em;
      overflow: hidden;
      text-overflow: ellipsis;
      vertical-align: -0.2em;
      line-height: 1.4;
      white-space: nowrap;
      font-family: var(--lumo-font-family-monospace, ui-monospace, 'DejaVu Sans Mono', monospace);
      font-size: 0.8em;
      font-weight: 600;
      color: var(--lumo-body-text-color, hsla(214, 40%, 16%, 0.94));
      background: var(--lumo-contrast-10pct, hsla(214, 57%, 24%, 0.1));
      border: 1px solid var(--lumo-contrast-50pct, hsla(214, 45%, 20%, 0.52));
      border-radius: 0.8em;
      user-select: all;
      -webkit-user-select: all;
      cursor: grab;
    }
    :host([readonly]) .chip {
      cursor: inherit;
    }
    .chip.opening {
      border-left: 4px solid var(--pair-color);
      border-radius: 0.8em 0.15em 0.15em 0.8em;
    }
    .chip.closing {
      border-right: 4px solid var(--pair-color);
      border-radius: 0.15em 0.8em 0.8em 0.15em;
    }
    .chip.standalone {
      border-style: dashed;
      border-radius: 0.3em;
    }
    .chip.partner {
      background: var(--lumo-primary-color-10pct, hsla(214, 100%, 60%, 0.13));
      outline: 2px solid var(--pair-color);
    }
    .chip.cut {
      opacity: 0.55;
      border-style: dotted;
    }
    .chip.flash {
      animation: chip-flash 0.6s ease-in-out 2;
    }
    @keyframes chip-flash {
      50% {
        background: var(--lumo-error-color-50pct, hsla(3, 100%, 60%, 0.5));
        color: var(--lumo-error-contrast-color, #fff);
      }
    }
    ::highlight(segment-error) {
      text-decoration: underline wavy var(--lumo-error-color, hsl(3, 85%, 48%));
      text-decoration-thickness: 1.5px;
      text-underline-offset: 3px;
    }
    ::highlight(segment-warning) {
      text-decoration: underline wavy var(--lumo-warning-color, hsl(30, 100%, 45%));
      text-decoration-thickness: 1.5px;
      text-underline-offset: 3px;
    }
    ::highlight(segment-info) {
      text-decoration: underline dotted var(--lumo-primary-color, hsl(214, 100%, 48%));
      text-decoration-thickness: 2px;
      text-underline-offset: 3px;
    }
    ::highlight(segment-active) {
      background-color: var(--lumo-primary-color-10pct, hsla(214, 100%, 60%, 0.13));
    }
    .popover {
      position: fixed;
      inset: auto;
      margin: 0;
      box-sizing: border-box;
      max-width: min(26rem, calc(100vw - 16px));
      padding: var(--lumo-space-s, 0.5rem) var(--lumo-space-m, 1rem);
      border: 1px solid var(--lumo-contrast-20pct, hsla(214, 53%, 23%, 0.16));
      border-radius: var(--lumo-border-radius-m, 0.25em);
      background: var(--lumo-base-color, #fff);
      color: var(--lumo-body-text-color, hsla(214, 40%, 16%, 0.94));
      box-shadow: var(--lumo-box-shadow-m, 0 2px 6px -1px hsla(214, 53%, 23%, 0.16), 0 8px 24px -4px hsla(214, 47%, 21%, 0.38));
      font-family: var(--lumo-font-family, system-ui, sans-serif);
      font-size: var(--lumo-font-size-s, 0.875rem);
      line-height: var(--lumo-line-height-s, 1.4);
      white-space: normal;
      z-index: 1000;
    }
    .popover:not(:popover-open):not(.open) {
      display: none;
    }
    .popover .severity {
      display: inline-block;
      margin-right: 0.4em;
      padding: 0 0.4em;
      border-radius: var(--lumo-border-radius-s, 0.25em);
      font-size: var(--lumo-font-size-xs, 0.75rem);
      font-weight: 600;
      text-transform: uppercase;
      color: #fff;
      background: var(--lumo-primary-color, hsl(214, 100%, 48%));
    }
    .popover .severity.error {
      background: var(--lumo-error-color, hsl(3, 85%, 48%));
    }
    .popover .severity.warning {
      background: hsl(30, 100%, 36%);
    }
    .popover .suggestions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--lumo-space-xs, 0.25rem);
      margin-top: var(--lumo-space-xs, 0.25rem);
    }
    .popover button {
      font: inherit;
      padding: 0.1em 0.6em;
      border: 1px solid var(--lumo-primary-color-50pct, hsla(214, 100%, 49%, 0.5));
      border-radius: var(--lumo-border-radius-m, 0.25em);
      background: var(--lumo-primary-color-10pct, hsla(214, 100%, 60%, 0.13));
      color: var(--lumo-primary-text-color, hsl(214, 100%, 43%));
      cursor: pointer;
    }
    .popover button:hover {
      background: var(--lumo-primary-color, hsl(214, 100%, 48%));
      color: var(--lumo-primary-contrast-color, #fff);
    }
    .popover .suggestion {
      font-weight: 600;
    }
    .popover .hint {
      margin-top: var(--lumo-space-xs, 0.25rem);
      color: var(--lumo-secondary-text-color, hsla(214, 42%, 18%, 0.69));
      font-size: var(--lumo-font-size-xs, 0.75rem);
    }
  `;

  constructor() {
    super();
    this.value = '[]';
    this.codes = '[]';
    this.readonly = false;
    this.placeholder = '';
    this.issues = '[]';
    this._id = `segment-editor-${++instanceCounter}-${Math.random().toString(36).slice(2, 8)}`;
    this._codeList = [];
    this._runs = [];
    this._domValue = null;
    this._issueList = [];
    this._undo = [];
    this._redo = [];
    this._lastEditKind = null;
    this._lastEditTime = 0;
    this._inputTimer = null;
    this._composing = false;
    this._popoverIssue = null;
    this._popoverSource = null;
    this._hideTimer = null;
    this._hoverFrame = 0;
    this._highlighted = [];
    this._dragSource = null;
    this._onSelectionChange = this._onSelectionChange.bind(this);
    this._onBeforeUnload = this._onBeforeUnload.bind(this);
    this.keymap = '[]';
    this.draftKey = '';
    this._keys = new Map();
    this._serverValue = '[]';
    this._placed = new Set();
  }

  render() {
    return html`<div
        id="editor"
        class="editor"
        part="editor"
        role="textbox"
        aria-multiline="true"
        aria-readonly=${this.readonly ? 'true' : 'false'}
        aria-label=${this.placeholder || 'Segment'}
        contenteditable=${this.readonly ? 'false' : 'true'}
        spellcheck="false"
        translate="no"
        @keydown=${this._onKeyDown}
        @beforeinput=${this._onBeforeInput}
        @input=${this._onInput}
        @compositionstart=${this._onCompositionStart}
        @compositionend=${this._onCompositionEnd}
        @paste=${this._onPaste}
        @copy=${this._onCopy}
        @cut=${this._onCut}
        @dragstart=${this._onDragStart}
        @dragover=${this._onDragOver}
        @drop=${this._onDrop}
        @dragend=${this._onDragEnd}
        @mousemove=${this._onMouseMove}
        @mouseleave=${this._onMouseLeave}
        @mouseover=${this._onChipHover}
        @mouseout=${this._onChipHover}
        @focus=${this._onFocus}
        @blur=${this._onBlur}
      ></div>
      <div class="placeholder" part="placeholder" aria-hidden="true">${this.placeholder}</div>
      <div
        id="popover"
        class="popover"
        part="popover"
        popover="manual"
        role="tooltip"
        @mouseenter=${this._cancelHide}
        @mouseleave=${this._scheduleHide}
        @mousedown=${(e) => e.preventDefault()}
      ></div>`;
  }

  /** Null until the first render (the server may call methods before the element is connected). */
  get _editor() {
    return this.renderRoot?.querySelector?.('#editor') ?? null;
  }

  get _popover() {
    return this.renderRoot?.querySelector?.('#popover') ?? null;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this._onBeforeUnload);
    this._clearHighlights();
    document.removeEventListener('selectionchange', this._onSelectionChange);
    clearTimeout(this._inputTimer);
    clearTimeout(this._hideTimer);
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('beforeunload', this._onBeforeUnload);
    if (this.hasUpdated) {
      this._applyIssues();
    }
  }

  updated(changed) {
    let textChanged = false;
    if (changed.has('codes')) {
      this._codeList = parseJson(this.codes, []).map((code, index) => ({
        label: String(code?.label ?? `{${index}}`),
        kind: String(code?.kind ?? 'STANDALONE').toUpperCase(),
        id: code?.id,
      }));
      this._pairColors = this._computePairs();
    }
    // a value the editor itself produced (typing) is not rendered again: that would move the caret
    if (changed.has('codes') || (changed.has('value') && this.value !== this._domValue)) {
      this._runs = canonicalRuns(parseJson(this.value, []));
      this._renderRuns(this._runs);
      this._domValue = this.value;
      this._resetHistory();
      this._serverValue = JSON.stringify(this._runs);
      this._placed = new Set();
      // typing not yet sent belonged to the text just replaced
      clearTimeout(this._inputTimer);
      this._inputTimer = null;
      textChanged = true;
      if (!changed.has('issues')) {
        // an issue list belongs to the text it was computed for
        this._clearHighlights();
        this._issueList = [];
      }
    }
    if (changed.has('issues')) {
      this._clearHighlights();
      this._issueList = parseJson(this.issues, [])
        .filter((i) => i && Number.isInteger(i.offset) && Number.isInteger(i.length) && i.length > 0)
        .map((i) => ({
          offset: i.offset,
          length: i.length,
          severity: SEVERITIES.includes(String(i.severity).toLowerCase()) ? String(i.severity).toLowerCase() : 'info',
          message: String(i.message ?? ''),
          suggestions: Array.isArray(i.suggestions) ? i.suggestions.map(String) : [],
        }));
    }
    if (textChanged || changed.has('issues')) {
      this._hidePopover();
      this._applyIssues();
    }
    if (changed.has('keymap')) {
      this._keys = new Map();
      for (const entry of parseJson(this.keymap, [])) {
        for (const combo of Array.isArray(entry?.keys) ? entry.keys : []) {
          this._keys.set(String(combo), String(entry.action));
        }
      }
    }
    if (textChanged || changed.has('draftKey')) {
      this._offerDraft();
    }
    if (changed.has('readonly')) {
      this._editor.querySelectorAll('.chip').forEach((chip) => {
        chip.draggable = !this.readonly;
      });
    }
  }

  // ---------------------------------------------------------------- public methods

  /** Focuses the text and puts the caret at its end. */
  focusEnd() {
    const editor = this._editor;
    if (!editor || this.isUpdatePending) {
      // a value set in the same server response is rendered first
      this.updateComplete.then(() => this.focusEnd());
      return;
    }
    editor.focus({ preventScroll: false });
    this._setCaretFlat(this._flatLength());
  }

  focus(options) {
    const editor = this._editor;
    if (editor && !this.isUpdatePending) {
      editor.focus(options);
    } else {
      this.updateComplete.then(() => this._editor?.focus(options));
    }
  }

  /** Inserts plain text at the caret (at the end when the caret is elsewhere), e.g. a glossary term. */
  insertText(text) {
    if (this.readonly) {
      return;
    }
    if (!this._editor || this.isUpdatePending) {
      this.updateComplete.then(() => this.insertText(text));
      return;
    }
    const clean = cleanText(text);
    if (!clean) {
      return;
    }
    let range = this._selectionRange();
    if (!range) {
      this._editor.focus();
      this._setCaretFlat(this._flatLength());
      range = this._selectionRange();
    }
    this._insertPlainAt(range, clean);
    this._commit('insertText', true);
  }

  /** The selected text inside this editor without its codes ('' when nothing is selected), e.g. a new term. */
  selectedText() {
    const range = this._editor ? this._selectionRange() : null;
    if (!range || range.collapsed) {
      return '';
    }
    return plainTextOf(this._runsOfRange(range)).replace(/\s+/g, ' ').trim();
  }

  /**
   * Where the caret is, counting each character and each tag as one (the split offset of the server's API); the
   * end of the selection when there is one, -1 when the caret is not in the text.
   */
  caretOffset() {
    const range = this._editor ? this._selectionRange() : null;
    return range ? this._flatOf(range.endContainer, range.endOffset) : -1;
  }

  /** True while the text differs from the value the server last set (or marked clean). */
  get dirty() {
    return !this.readonly && JSON.stringify(this._runs) !== this._serverValue;
  }

  /** The server saved (or deliberately dropped) this text: nothing is unsaved, and the stored draft goes. */
  markClean(savedValue, savedKey) {
    if (savedKey && savedKey !== this.draftKey) {
      this._removeDraft(savedKey);
    }
    this._serverValue = typeof savedValue === 'string'
      ? JSON.stringify(canonicalRuns(parseJson(savedValue, []))) : JSON.stringify(this._runs);
    this._storeDraft();
  }

  /** Puts the stored draft of this segment back into the editor (an edit: undo takes it back out). */
  restoreDraft() {
    const draft = this._readDraft(this.draftKey);
    if (!draft || this.readonly) {
      return false;
    }
    if (!this._editor || this.isUpdatePending) {
      this.updateComplete.then(() => this.restoreDraft());
      return true;
    }
    this._clearHighlights();
    this._issueList = [];
    // rendered as is; the commit below repairs the codes should the stored runs have lost one
    this._renderRuns(canonicalRuns(parseJson(draft.value, [])));
    this._editor.focus();
    this._setCaretFlat(this._flatLength());
    this._commit('restoreDraft', true);
    return true;
  }

  /** Replaces the whole text as an edit (copy MT, copy source): undoable, unsaved until the server saves it. */
  replaceText(runsJson) {
    if (this.readonly) {
      return;
    }
    if (!this._editor || this.isUpdatePending) {
      this.updateComplete.then(() => this.replaceText(runsJson));
      return;
    }
    // underlines belong to the text being replaced
    this._clearHighlights();
    this._issueList = [];
    this._renderRuns(canonicalRuns(parseJson(runsJson, [])));
    this._editor.focus();
    this._setCaretFlat(this._flatLength());
    this._commit('replaceText', true);
  }

  /** Forgets the stored draft of this segment. */
  discardDraft() {
    this._removeDraft(this.draftKey);
  }

  /**
   * Moves the next inline code to the caret. Every code is always in the text exactly once, so "inserting" one
   * means moving it: the first code, in the order the codes had when the text was set, that this command has not
   * placed yet. Placing them one after another rebuilds the original tag order around retyped text; once all are
   * placed, the next press starts again with the first.
   */
  insertNextCode() {
    if (this.readonly || !this._editor || this._codeList.length === 0) {
      return;
    }
    let next = -1;
    for (let c = 0; c < this._codeList.length; c++) {
      if (!this._placed.has(c)) {
        next = c;
        break;
      }
    }
    if (next < 0) {
      this._placed.clear();
      next = 0;
    }
    let range = this._selectionRange();
    if (!range) {
      this._editor.focus();
      this._setCaretFlat(this._flatLength());
      range = this._selectionRange();
    }
    if (!range) {
      return;
    }
    this._insertRunsAt(range, [{ c: next }]);
    this._placed.add(next);
    this._commit('insertCode', true);
    this._flash([next]);
  }

  /** The text of the editor without its codes. */
  get plainText() {
    return plainTextOf(this._runs);
  }

  // ---------------------------------------------------------------- drafts

  _storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  _readDraft(key) {
    const storage = this._storage();
    if (!key || !storage) {
      return null;
    }
    try {
      const draft = JSON.parse(storage.getItem(DRAFT_PREFIX + key) ?? 'null');
      return draft && typeof draft.value === 'string' && draft.codes === this.codes ? draft : null;
    } catch (e) {
      return null;
    }
  }

  _removeDraft(key) {
    const storage = this._storage();
    if (key && storage) {
      storage.removeItem(DRAFT_PREFIX + key);
    }
  }

  /** Keeps the text as a draft while it differs from what the server has, so a lost session loses no typing. */
  _storeDraft() {
    const storage = this._storage();
    if (!this.draftKey || !storage || this.readonly) {
      return;
    }
    if (!this.dirty) {
      this._removeDraft(this.draftKey);
      return;
    }
    try {
      storage.setItem(DRAFT_PREFIX + this.draftKey,
        JSON.stringify({ value: JSON.stringify(this._runs), codes: this.codes, savedAt: Date.now() }));
    } catch (e) {
      // storage full or denied: the beforeunload warning still protects the edit
    }
  }

  /** A draft stored for the segment just shown (a closed tab, an expired session) is offered to the server. */
  _offerDraft() {
    if (this.readonly || !this.draftKey) {
      return;
    }
    this._forgetOldDrafts();
    const draft = this._readDraft(this.draftKey);
    if (draft && draft.value !== JSON.stringify(this._runs)) {
      this._dispatch('segment-draft-found', { savedAt: draft.savedAt ?? 0 });
    }
  }

  _forgetOldDrafts() {
    const storage = this._storage();
    if (!storage) {
      return;
    }
    const now = Date.now();
    for (let i = storage.length - 1; i >= 0; i--) {
      const key = storage.key(i);
      if (!key || !key.startsWith(DRAFT_PREFIX)) {
        continue;
      }
      try {
        const draft = JSON.parse(storage.getItem(key) ?? 'null');
        if (!draft || !(now - draft.savedAt < DRAFT_MAX_AGE_MS)) {
          storage.removeItem(key);
        }
      } catch (e) {
        storage.removeItem(key);
      }
    }
  }

  _onBeforeUnload(e) {
    if (this.isConnected && this.dirty) {
      this._storeDraft();
      e.preventDefault();
      // older browsers show the prompt only when returnValue is set
      e.returnValue = '';
    }
  }

  // ---------------------------------------------------------------- rendering of runs

  _computePairs() {
    const colors = [];
    const palette = [210, 140, 330, 35, 265, 180, 0, 95];
    const byId = new Map();
    const stack = [];
    let slot = 0;
    this._partner = [];
    this._codeList.forEach((code, index) => {
      let pairSlot;
      if (code.kind === 'OPENING') {
        pairSlot = slot++;
        if (code.id !== undefined && code.id !== null) {
          byId.set(code.id, { slot: pairSlot, index });
        }
        stack.push({ slot: pairSlot, index });
      } else if (code.kind === 'CLOSING') {
        let opener = code.id !== undefined && code.id !== null ? byId.get(code.id) : undefined;
        if (opener) {
          const at = stack.findIndex((o) => o.index === opener.index);
          if (at >= 0) {
            stack.splice(at, 1);
          }
        } else {
          opener = stack.pop();
        }
        pairSlot = opener ? opener.slot : slot++;
        if (opener) {
          this._partner[index] = opener.index;
          this._partner[opener.index] = index;
        }
      } else {
        pairSlot = slot++;
      }
      colors[index] = `hsl(${palette[pairSlot % palette.length]}, 75%, 38%)`;
    });
    return colors;
  }

  _makeChip(c) {
    const code = this._codeList[c] ?? { label: `{${c}}`, kind: 'STANDALONE' };
    const chip = document.createElement('span');
    chip.className = `chip ${code.kind.toLowerCase()}`;
    chip.contentEditable = 'false';
    chip.dataset.c = String(c);
    chip.draggable = !this.readonly;
    chip.setAttribute('part', `chip chip-${code.kind.toLowerCase()}`);
    chip.textContent = code.label;
    chip.title = `${code.label} (${code.kind.toLowerCase()} tag: can be moved, not deleted)`;
    chip.style.setProperty('--pair-color', this._pairColors?.[c] ?? 'currentColor');
    return chip;
  }

  _renderRuns(runs) {
    const editor = this._editor;
    const fragment = document.createDocumentFragment();
    for (const run of runs) {
      if (run.c !== undefined) {
        fragment.appendChild(this._makeChip(run.c));
      } else {
        fragment.appendChild(document.createTextNode(run.t));
      }
    }
    editor.replaceChildren(fragment);
    this._ensureTrailingBreak();
    this.toggleAttribute('empty', runs.length === 0);
  }

  /** A text that ends in a line break needs a <br> after it, or the browser shows no empty last line. */
  _ensureTrailingBreak() {
    const editor = this._editor;
    const last = editor.lastChild;
    const endsWithNewline = last && last.nodeType === Node.TEXT_NODE && last.data.endsWith('\n');
    if (endsWithNewline) {
      const br = document.createElement('br');
      br.dataset.trailing = '';
      editor.appendChild(br);
    }
  }

  // ---------------------------------------------------------------- reading the DOM back into runs

  /**
   * Reads the editor's DOM into runs. Also reports where the caret is in "flat" positions (each character and each
   * chip counts one) and whether the DOM has the simple shape the editor renders (text nodes and chips only).
   */
  _readDom(caret) {
    const editor = this._editor;
    const runs = [];
    let flat = 0;
    let flatCaret = null;
    let simple = true;
    const pushText = (t) => {
      if (!t) {
        return;
      }
      const last = runs[runs.length - 1];
      if (last && last.t !== undefined) {
        last.t += t;
      } else {
        runs.push({ t });
      }
      flat += t.length;
    };
    const visit = (node, isTopLevel) => {
      if (node.nodeType === Node.TEXT_NODE) {
        if (caret && caret.node === node) {
          flatCaret = flat + cleanText(node.data.slice(0, caret.offset)).length;
        }
        const text = cleanText(node.data);
        if (text !== node.data) {
          simple = false;
        }
        pushText(text);
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) {
        simple = false;
        return;
      }
      if (node.dataset && node.dataset.c !== undefined && node.classList.contains('chip')) {
        runs.push({ c: Number(node.dataset.c) });
        flat += 1;
        if (!isTopLevel) {
          simple = false;
        }
        return;
      }
      if (node.tagName === 'BR') {
        const trailing = node === editor.lastChild && isTopLevel;
        if (!trailing) {
          pushText('\n');
          simple = false;
        } else if (node.dataset.trailing === undefined) {
          simple = false;
        }
        return;
      }
      simple = false;
      const block = /^(DIV|P|LI|H[1-6]|PRE|BLOCKQUOTE|TR)$/.test(node.tagName);
      if (block && flat > 0) {
        pushText('\n');
      }
      this._visitChildren(node, caret, (child) => visit(child, false), () => {
        if (flatCaret === null) {
          flatCaret = flat;
        }
      });
    };
    this._visitChildren(editor, caret, (child) => visit(child, true), () => {
      if (flatCaret === null) {
        flatCaret = flat;
      }
    });
    return { runs, flatCaret, simple };
  }

  _visitChildren(parent, caret, visitChild, atCaret) {
    const children = Array.from(parent.childNodes);
    children.forEach((child, index) => {
      if (caret && caret.node === parent && caret.offset === index) {
        atCaret();
      }
      visitChild(child);
    });
    if (caret && caret.node === parent && caret.offset >= children.length) {
      atCaret();
    }
  }

  /** Every code of the list exactly once: removes unknown and doubled chips, puts missing ones at the caret. */
  _repairCodes(runs, flatCaret) {
    const seen = new Set();
    const count = this._codeList.length;
    const kept = [];
    let caret = flatCaret ?? 0;
    let flat = 0;
    for (const run of runs) {
      if (run.c !== undefined) {
        if (run.c < 0 || run.c >= count || seen.has(run.c) || !Number.isInteger(run.c)) {
          if (flat < caret) {
            caret -= 1;
          }
          continue;
        }
        seen.add(run.c);
        kept.push(run);
        flat += 1;
      } else {
        kept.push(run);
        flat += run.t.length;
      }
    }
    // missing codes go back at the caret, in the order they had before the edit
    const previousOrder = this._runs.filter((r) => r.c !== undefined).map((r) => r.c);
    const missing = [];
    for (let c = 0; c < count; c++) {
      if (!seen.has(c)) {
        missing.push(c);
      }
    }
    missing.sort((a, b) => {
      const ia = previousOrder.indexOf(a);
      const ib = previousOrder.indexOf(b);
      return (ia < 0 ? 1e9 + a : ia) - (ib < 0 ? 1e9 + b : ib);
    });
    if (missing.length === 0) {
      return { runs: kept, caret, restored: [] };
    }
    const result = [];
    let pos = 0;
    let inserted = false;
    const insertMissing = () => {
      missing.forEach((c) => result.push({ c }));
      inserted = true;
    };
    for (const run of kept) {
      if (!inserted && pos === caret) {
        insertMissing();
      }
      if (run.c !== undefined) {
        result.push(run);
        pos += 1;
      } else if (!inserted && pos < caret && caret < pos + run.t.length) {
        const cut = caret - pos;
        result.push({ t: run.t.slice(0, cut) });
        insertMissing();
        result.push({ t: run.t.slice(cut) });
        pos += run.t.length;
      } else {
        result.push(run);
        pos += run.t.length;
      }
    }
    if (!inserted) {
      insertMissing();
    }
    return { runs: canonicalRuns(result), caret, restored: missing };
  }

  // ---------------------------------------------------------------- positions

  _flatLength() {
    return this._runs.reduce((n, r) => n + (r.c !== undefined ? 1 : r.t.length), 0);
  }

  /** The current selection inside this editor as {startContainer, startOffset, endContainer, endOffset}. */
  _selectionRange() {
    const editor = this._editor;
    const selection = document.getSelection();
    if (!editor || !selection || selection.rangeCount === 0) {
      return null;
    }
    let range = null;
    if (typeof selection.getComposedRanges === 'function') {
      try {
        range = selection.getComposedRanges({ shadowRoots: [this.shadowRoot] })[0];
      } catch (e) {
        range = null;
      }
      if (!range || !editor.contains(range.startContainer)) {
        try {
          range = selection.getComposedRanges(this.shadowRoot)[0];
        } catch (e) {
          range = null;
        }
      }
    }
    if ((!range || !editor.contains(range.startContainer)) && typeof this.shadowRoot.getSelection === 'function') {
      const shadowSelection = this.shadowRoot.getSelection();
      range = shadowSelection && shadowSelection.rangeCount ? shadowSelection.getRangeAt(0) : null;
    }
    if (!range) {
      range = selection.getRangeAt(0);
    }
    if (!range || !editor.contains(range.startContainer) || !editor.contains(range.endContainer)) {
      return null;
    }
    return {
      startContainer: range.startContainer,
      startOffset: range.startOffset,
      endContainer: range.endContainer,
      endOffset: range.endOffset,
      collapsed: range.startContainer === range.endContainer && range.startOffset === range.endOffset,
    };
  }

  _liveRange(r) {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  }

  _flatOf(node, offset) {
    return this._readDom({ node, offset }).flatCaret ?? 0;
  }

  /** The DOM position of a flat position: inside a text node where there is one, else between children. */
  _domAtFlat(flatPos) {
    const editor = this._editor;
    let flat = 0;
    const children = Array.from(editor.childNodes);
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.nodeType === Node.TEXT_NODE) {
        const len = child.data.length;
        if (flatPos <= flat + len) {
          return { node: child, offset: flatPos - flat };
        }
        flat += len;
      } else if (child.nodeType === Node.ELEMENT_NODE && child.classList.contains('chip')) {
        if (flatPos <= flat) {
          return { node: editor, offset: i };
        }
        flat += 1;
      }
    }
    const last = editor.lastChild;
    if (last && last.nodeType === Node.ELEMENT_NODE && last.dataset.trailing !== undefined) {
      return { node: editor, offset: children.length - 1 };
    }
    return { node: editor, offset: children.length };
  }

  _setCaretFlat(flatPos) {
    const { node, offset } = this._domAtFlat(flatPos);
    this._setSelection(node, offset, node, offset);
  }

  _setSelection(startNode, startOffset, endNode, endOffset) {
    const selection = document.getSelection();
    if (!selection) {
      return;
    }
    try {
      selection.setBaseAndExtent(startNode, startOffset, endNode, endOffset);
    } catch (e) {
      // the node went away; leave the selection where it is
    }
  }

  /** DOM position of a plain-text offset (codes excluded); `end` prefers the end of the previous text node. */
  _domAtPlain(offset, end) {
    const editor = this._editor;
    let plain = 0;
    let lastText = null;
    for (const child of editor.childNodes) {
      if (child.nodeType !== Node.TEXT_NODE) {
        continue;
      }
      const len = child.data.length;
      if (end ? offset <= plain + len : offset < plain + len) {
        return { node: child, offset: Math.max(0, offset - plain) };
      }
      plain += len;
      lastText = child;
    }
    if (lastText) {
      return { node: lastText, offset: lastText.data.length };
    }
    return { node: editor, offset: 0 };
  }

  _plainOf(node, offset) {
    const editor = this._editor;
    let plain = 0;
    const children = Array.from(editor.childNodes);
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (node === editor && offset === i) {
        return plain;
      }
      if (child === node) {
        return plain + offset;
      }
      if (child.nodeType === Node.TEXT_NODE) {
        plain += child.data.length;
      }
    }
    return plain;
  }

  // ---------------------------------------------------------------- committing edits

  /**
   * After any change of the DOM: read it back, repair codes and shape, update the value, the undo history, the
   * issue ranges, and schedule (or send at once) segment-input.
   */
  _commit(kind, immediate) {
    const editor = this._editor;
    this._syncIssueOffsets();
    const sel = this._selectionRange();
    const caret = sel ? { node: sel.endContainer, offset: sel.endOffset } : null;
    const read = this._readDom(caret);
    const repaired = this._repairCodes(read.runs, read.flatCaret);
    const runs = canonicalRuns(repaired.runs);
    const needsRender = !read.simple || repaired.restored.length > 0 || read.runs.length !== runs.length;
    if (needsRender) {
      const focused = this.shadowRoot.activeElement === editor;
      this._renderRuns(runs);
      if (focused || caret) {
        this._setCaretFlat(repaired.caret);
      }
      this._applyIssues();
    } else {
      this._ensureTrailingBreak();
    }
    this._runs = runs;
    this.toggleAttribute('empty', runs.length === 0);
    if (repaired.restored.length) {
      this._flash(repaired.restored);
    }
    this._editor.querySelectorAll('.chip.cut').forEach((chip) => {
      if (kind !== 'cut') {
        chip.classList.remove('cut');
      }
    });
    this._pushHistory(kind);
    this._updateValue();
    this._storeDraft();
    if (immediate) {
      this._sendInputNow();
    } else {
      this._scheduleInput();
    }
    this._showIssueAtCaret();
  }

  _updateValue() {
    const json = JSON.stringify(this._runs);
    this._domValue = json;
    this.value = json;
  }

  _scheduleInput() {
    clearTimeout(this._inputTimer);
    this._inputTimer = setTimeout(() => {
      this._inputTimer = null;
      this._dispatch('segment-input');
    }, INPUT_DEBOUNCE_MS);
  }

  _sendInputNow() {
    clearTimeout(this._inputTimer);
    this._inputTimer = null;
    this._dispatch('segment-input');
  }

  _dispatch(name, extra) {
    this.dispatchEvent(
      new CustomEvent(name, {
        bubbles: true,
        composed: true,
        detail: { value: this.value, ...(extra || {}) },
      })
    );
  }

  /** Shortcut events carry the value; a pending segment-input would only repeat it. */
  _fireShortcut(name, extra) {
    clearTimeout(this._inputTimer);
    this._inputTimer = null;
    this._hidePopover();
    this._dispatch(name, extra);
  }

  _flash(codeIndexes) {
    for (const c of codeIndexes) {
      const chip = this._editor.querySelector(`.chip[data-c="${c}"]`);
      if (chip) {
        chip.classList.remove('flash');
        // restart the animation
        void chip.offsetWidth;
        chip.classList.add('flash');
        setTimeout(() => chip.classList.remove('flash'), 1300);
      }
    }
  }

  // ---------------------------------------------------------------- undo

  _snapshot() {
    const sel = this._selectionRange();
    return {
      runs: this._runs.map((r) => ({ ...r })),
      caret: sel ? this._flatOf(sel.endContainer, sel.endOffset) : this._flatLength(),
      issues: this._issueList.map((i) => ({ ...i, range: undefined })),
    };
  }

  _resetHistory() {
    this._undo = [
      { runs: this._runs.map((r) => ({ ...r })), caret: this._flatLength(), issues: [] },
    ];
    this._redo = [];
    this._lastEditKind = null;
  }

  _pushHistory(kind) {
    const now = Date.now();
    const typing = kind === 'insertText' || kind === 'deleteContentBackward' || kind === 'deleteContentForward';
    const snapshot = this._snapshot();
    const top = this._undo[this._undo.length - 1];
    if (top && JSON.stringify(top.runs) === JSON.stringify(snapshot.runs)) {
      return;
    }
    if (typing && this._lastEditKind === kind && now - this._lastEditTime < TYPING_COALESCE_MS && this._undo.length > 1) {
      this._undo[this._undo.length - 1] = snapshot;
    } else {
      this._undo.push(snapshot);
      if (this._undo.length > UNDO_LIMIT) {
        this._undo.shift();
      }
    }
    this._redo = [];
    this._lastEditKind = kind;
    this._lastEditTime = now;
  }

  _restore(snapshot) {
    this._runs = snapshot.runs.map((r) => ({ ...r }));
    this._renderRuns(this._runs);
    this._issueList = snapshot.issues.map((i) => ({ ...i }));
    this._applyIssues();
    this._setCaretFlat(snapshot.caret);
    this._lastEditKind = null;
    this._updateValue();
    this._storeDraft();
    this._scheduleInput();
  }

  undo() {
    if (this._editor && this._undo.length > 1) {
      this._redo.push(this._undo.pop());
      this._restore(this._undo[this._undo.length - 1]);
    }
  }

  redo() {
    if (this._editor && this._redo.length) {
      const snapshot = this._redo.pop();
      this._undo.push(snapshot);
      this._restore(snapshot);
    }
  }

  // ---------------------------------------------------------------- keyboard and input

  /** The key combination of an event as the keymap writes it: "Mod+Shift+S", "Alt+1", "F9", "Mod+/". */
  static comboOf(e) {
    let key;
    if (/^Key[A-Z]$/.test(e.code)) {
      key = e.code.slice(3);
    } else if (/^Digit[0-9]$/.test(e.code)) {
      key = e.code.slice(5);
    } else if (e.code === 'Slash') {
      key = '/';
    } else {
      key = e.key && e.key.length === 1 ? e.key.toUpperCase() : e.key;
    }
    const parts = [];
    if (e.ctrlKey || e.metaKey) {
      parts.push('Mod');
    }
    if (e.altKey) {
      parts.push('Alt');
    }
    if (e.shiftKey) {
      parts.push('Shift');
    }
    parts.push(key);
    return parts.join('+');
  }

  _onKeyDown(e) {
    if (e.isComposing || e.keyCode === 229) {
      return;
    }
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key;
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    const action = this._keys.get(SegmentEditor.comboOf(e));
    if (action && this._runAction(action, e)) {
      handled();
      return;
    }
    if (key === 'Enter') {
      // plain Enter inserts nothing: segments are single units, Ctrl+Enter confirms
      handled();
      return;
    }
    if (this.readonly) {
      return;
    }
    if ((key === 'Backspace' || key === 'Delete') && !mod) {
      const range = this._selectionRange();
      if (range && range.collapsed) {
        const flat = this._flatOf(range.startContainer, range.startOffset);
        const neighbour = key === 'Backspace' ? this._runAtFlat(flat - 1) : this._runAtFlat(flat);
        if (neighbour && neighbour.c !== undefined) {
          // a chip is never deleted by a key: step over it and show it
          handled();
          this._flash([neighbour.c]);
          this._setCaretFlat(key === 'Backspace' ? flat - 1 : flat + 1);
        }
      }
    }
  }

  /** Runs a keymap action; false when it does not apply here, so the key keeps its usual meaning. */
  _runAction(action, e) {
    switch (action) {
      case 'confirm':
        this._fireShortcut('segment-save');
        return true;
      case 'cancel':
        this._fireShortcut('segment-cancel');
        return true;
      case 'copy-mt':
        this._fireShortcut('segment-copy-mt');
        return true;
      case 'add-term':
        this._fireShortcut('segment-add-term', { selection: this.selectedText() });
        return true;
      case 'previous':
      case 'next':
        this._fireShortcut('segment-navigate', { direction: action === 'previous' ? -1 : 1 });
        return true;
      case 'apply-suggestion': {
        const digit = /^Digit[1-9]$/.test(e.code) ? Number(e.code.slice(5)) - 1 : 0;
        if (digit > 0 && !this._issueAtCaret()) {
          return false;
        }
        this._applySuggestionAtCaret(digit);
        return true;
      }
      case 'undo':
      case 'redo':
      case 'line-break':
      case 'insert-code':
        if (this.readonly) {
          return false;
        }
        if (action === 'undo') {
          this.undo();
        } else if (action === 'redo') {
          this.redo();
        } else if (action === 'insert-code') {
          this.insertNextCode();
        } else {
          const range = this._selectionRange();
          if (range) {
            this._insertPlainAt(range, '\n');
            this._commit('insertLineBreak');
          }
        }
        return true;
      default:
        // the caret travels along: a split happens where it is
        this._fireShortcut('segment-shortcut', { action, caret: this.caretOffset() });
        return true;
    }
  }

  _runAtFlat(flatPos) {
    if (flatPos < 0) {
      return null;
    }
    let flat = 0;
    for (const run of this._runs) {
      const len = run.c !== undefined ? 1 : run.t.length;
      if (flatPos < flat + len) {
        return run.c !== undefined ? run : { t: run.t[flatPos - flat] };
      }
      flat += len;
    }
    return null;
  }

  _onBeforeInput(e) {
    const type = e.inputType || '';
    if (this.readonly) {
      e.preventDefault();
      return;
    }
    if (type === 'historyUndo' || type === 'historyRedo') {
      e.preventDefault();
      if (type === 'historyUndo') {
        this.undo();
      } else {
        this.redo();
      }
      return;
    }
    if (type.startsWith('format') || type === 'insertParagraph' || type === 'insertOrderedList'
        || type === 'insertUnorderedList' || type === 'insertHorizontalRule' || type === 'insertLink') {
      e.preventDefault();
      return;
    }
    if (type === 'insertLineBreak') {
      e.preventDefault();
      const range = this._selectionRange();
      if (range) {
        this._insertPlainAt(range, '\n');
        this._commit('insertLineBreak');
      }
      return;
    }
    if (type === 'insertFromPaste' || type === 'insertFromDrop' || type === 'insertFromPasteAsQuotation') {
      // paste and drop are handled in their own events, as plain text
      e.preventDefault();
    }
  }

  _onInput(e) {
    if (this._composing || this.readonly) {
      return;
    }
    this._commit(e.inputType || 'input');
  }

  _onCompositionStart() {
    this._composing = true;
  }

  _onCompositionEnd() {
    this._composing = false;
    // Chrome fires the last input event before compositionend; read the result now
    this._commit('insertText');
  }

  /** Inserts plain text at a range (replacing its content; chips inside are kept by the next commit). */
  _insertPlainAt(r, text) {
    const range = this._liveRange(r);
    if (!range.collapsed) {
      range.deleteContents();
    }
    let node = range.startContainer;
    let offset = range.startOffset;
    if (node.nodeType === Node.TEXT_NODE) {
      node.insertData(offset, text);
      offset += text.length;
    } else {
      const textNode = document.createTextNode(text);
      range.insertNode(textNode);
      node = textNode;
      offset = text.length;
    }
    this._setSelection(node, offset, node, offset);
  }

  // ---------------------------------------------------------------- clipboard and drag and drop

  _runsOfRange(r) {
    const fragment = this._liveRange(r).cloneContents();
    const runs = [];
    const walk = (parent) => {
      for (const node of parent.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) {
          runs.push({ t: cleanText(node.data) });
        } else if (node.nodeType === Node.ELEMENT_NODE && node.dataset.c !== undefined) {
          runs.push({ c: Number(node.dataset.c) });
        } else if (node.nodeType === Node.ELEMENT_NODE && node.tagName === 'BR' && node.dataset.trailing === undefined) {
          runs.push({ t: '\n' });
        } else {
          walk(node);
        }
      }
    };
    walk(fragment);
    return canonicalRuns(runs);
  }

  _clipboardPayload(runs, mode) {
    return JSON.stringify({ source: this._id, codes: this.codes, mode, runs });
  }

  _onCopy(e) {
    const range = this._selectionRange();
    if (!range || range.collapsed || !e.clipboardData) {
      return;
    }
    e.preventDefault();
    const runs = this._runsOfRange(range);
    e.clipboardData.setData('text/plain', plainTextOf(runs));
    e.clipboardData.setData(RUNS_MIME, this._clipboardPayload(runs, 'copy'));
  }

  _onCut(e) {
    const range = this._selectionRange();
    if (!range || range.collapsed || !e.clipboardData) {
      return;
    }
    e.preventDefault();
    if (this.readonly) {
      this._onCopy(e);
      return;
    }
    const runs = this._runsOfRange(range);
    e.clipboardData.setData('text/plain', plainTextOf(runs));
    e.clipboardData.setData(RUNS_MIME, this._clipboardPayload(runs, 'cut'));
    this._liveRange(range).deleteContents();
    // the cut chips stay (faded) where the text was until they are pasted elsewhere: never lost
    this._commit('cut');
    for (const run of runs) {
      if (run.c !== undefined) {
        this._editor.querySelector(`.chip[data-c="${run.c}"]`)?.classList.add('cut');
      }
    }
  }

  /** Runs from our own clipboard or drag data, usable here only when cut/moved from this very editor. */
  _ownRuns(dataTransfer) {
    const data = dataTransfer?.getData(RUNS_MIME);
    if (!data) {
      return null;
    }
    try {
      const payload = JSON.parse(data);
      if (payload.source === this._id && payload.codes === this.codes && Array.isArray(payload.runs)) {
        return { runs: canonicalRuns(payload.runs), mode: payload.mode };
      }
    } catch (err) {
      // not ours
    }
    return null;
  }

  _onPaste(e) {
    e.preventDefault();
    if (this.readonly) {
      return;
    }
    const range = this._selectionRange();
    if (!range) {
      return;
    }
    const own = this._ownRuns(e.clipboardData);
    if (own && own.mode !== 'copy') {
      this._insertRunsAt(range, own.runs);
    } else {
      const text = cleanText(e.clipboardData?.getData('text/plain') ?? '');
      if (!text) {
        return;
      }
      this._insertPlainAt(range, text);
    }
    this._commit('insertFromPaste');
  }

  /** Inserts runs at a range; a chip in the runs is moved there from wherever it is now. */
  _insertRunsAt(r, runs) {
    const range = this._liveRange(r);
    if (!range.collapsed) {
      range.deleteContents();
    }
    const fragment = document.createDocumentFragment();
    const moved = [];
    for (const run of runs) {
      if (run.c !== undefined) {
        if (run.c < 0 || run.c >= this._codeList.length || moved.includes(run.c)) {
          continue;
        }
        this._editor.querySelector(`.chip[data-c="${run.c}"]`)?.remove();
        fragment.appendChild(this._makeChip(run.c));
        moved.push(run.c);
      } else {
        fragment.appendChild(document.createTextNode(run.t));
      }
    }
    const last = fragment.lastChild;
    range.insertNode(fragment);
    if (last) {
      const after = last.nodeType === Node.TEXT_NODE
        ? { node: last, offset: last.data.length }
        : { node: last.parentNode, offset: Array.prototype.indexOf.call(last.parentNode.childNodes, last) + 1 };
      this._setSelection(after.node, after.offset, after.node, after.offset);
    }
  }

  _onDragStart(e) {
    if (this.readonly) {
      e.preventDefault();
      return;
    }
    const chip = e.composedPath().find((n) => n.classList && n.classList.contains('chip'));
    if (chip) {
      const runs = [{ c: Number(chip.dataset.c) }];
      e.dataTransfer.setData(RUNS_MIME, this._clipboardPayload(runs, 'move'));
      e.dataTransfer.setData('text/plain', '');
      e.dataTransfer.effectAllowed = 'move';
      this._dragSource = null;
      return;
    }
    const range = this._selectionRange();
    if (range && !range.collapsed) {
      const runs = this._runsOfRange(range);
      e.dataTransfer.setData(RUNS_MIME, this._clipboardPayload(runs, 'move'));
      e.dataTransfer.setData('text/plain', plainTextOf(runs));
      e.dataTransfer.effectAllowed = 'copyMove';
      this._dragSource = this._liveRange(range);
    }
  }

  _onDragOver(e) {
    if (this.readonly) {
      return;
    }
    e.preventDefault();
    if (e.dataTransfer) {
      e.dataTransfer.dropEffect = e.dataTransfer.types.includes(RUNS_MIME) ? 'move' : 'copy';
    }
  }

  _onDragEnd() {
    this._dragSource = null;
  }

  _pointToRange(x, y) {
    const editor = this._editor;
    let node = null;
    let offset = 0;
    if (typeof document.caretPositionFromPoint === 'function') {
      let pos = null;
      try {
        pos = document.caretPositionFromPoint(x, y, { shadowRoots: [this.shadowRoot] });
      } catch (err) {
        pos = document.caretPositionFromPoint(x, y);
      }
      if (pos) {
        node = pos.offsetNode;
        offset = pos.offset;
      }
    } else if (typeof document.caretRangeFromPoint === 'function') {
      const r = document.caretRangeFromPoint(x, y);
      if (r) {
        node = r.startContainer;
        offset = r.startOffset;
      }
    }
    if (!node || !editor.contains(node)) {
      return { startContainer: editor, startOffset: editor.childNodes.length, endContainer: editor,
        endOffset: editor.childNodes.length, collapsed: true };
    }
    // never inside a chip
    const chip = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    if (chip && chip !== editor && chip.classList?.contains('chip')) {
      const index = Array.prototype.indexOf.call(editor.childNodes, chip);
      node = editor;
      offset = index;
    }
    return { startContainer: node, startOffset: offset, endContainer: node, endOffset: offset, collapsed: true };
  }

  _onDrop(e) {
    e.preventDefault();
    if (this.readonly) {
      return;
    }
    const target = this._pointToRange(e.clientX, e.clientY);
    const own = this._ownRuns(e.dataTransfer);
    const insertion = this._liveRange(target);
    if (own && own.mode === 'move') {
      if (this._dragSource) {
        if (this._dragSource.isPointInRange(insertion.startContainer, insertion.startOffset)) {
          this._dragSource = null;
          return;
        }
        this._dragSource.deleteContents();
        this._dragSource = null;
      }
      this._insertRunsAt(
        { startContainer: insertion.startContainer, startOffset: insertion.startOffset,
          endContainer: insertion.startContainer, endOffset: insertion.startOffset },
        own.runs
      );
    } else {
      const text = cleanText(e.dataTransfer?.getData('text/plain') ?? '');
      if (!text) {
        return;
      }
      this._insertPlainAt(target, text);
    }
    this._editor.focus({ preventScroll: true });
    this._commit('insertFromDrop');
  }

  _onChipHover(e) {
    const chip = e.target?.classList?.contains('chip') ? e.target : null;
    if (!chip) {
      return;
    }
    const partner = this._partner?.[Number(chip.dataset.c)];
    if (partner === undefined) {
      return;
    }
    const other = this._editor.querySelector(`.chip[data-c="${partner}"]`);
    const on = e.type === 'mouseover';
    chip.classList.toggle('partner', on);
    other?.classList.toggle('partner', on);
  }

  // ---------------------------------------------------------------- issues

  _clearHighlights() {
    for (const { name, range } of this._highlighted ?? []) {
      sharedHighlight(name, 0)?.delete(range);
    }
    this._highlighted = [];
    if (this._activeRange) {
      sharedHighlight(ACTIVE_HIGHLIGHT, 0)?.delete(this._activeRange);
      this._activeRange = null;
    }
  }

  _applyIssues() {
    this._clearHighlights();
    const plainLength = plainTextOf(this._runs).length;
    for (const issue of this._issueList) {
      issue.range = null;
      if (issue.offset + issue.length > plainLength) {
        continue;
      }
      const start = this._domAtPlain(issue.offset, false);
      const end = this._domAtPlain(issue.offset + issue.length, true);
      const range = document.createRange();
      try {
        range.setStart(start.node, start.offset);
        range.setEnd(end.node, end.offset);
      } catch (err) {
        continue;
      }
      issue.range = range;
      issue.text = range.toString();
      const name = HIGHLIGHT_PREFIX + issue.severity;
      const priority = { error: 3, warning: 2, info: 1 }[issue.severity];
      const highlight = sharedHighlight(name, priority);
      if (highlight) {
        highlight.add(range);
        this._highlighted.push({ name, range });
      }
    }
  }

  /** Live ranges follow typing; an issue whose text was edited is dropped (the next check will tell). */
  _syncIssueOffsets() {
    const kept = [];
    for (const issue of this._issueList) {
      const range = issue.range;
      if (!range || range.collapsed || range.toString() !== issue.text
          || !this._editor.contains(range.startContainer)) {
        if (range) {
          sharedHighlight(HIGHLIGHT_PREFIX + issue.severity, 0)?.delete(range);
          this._highlighted = this._highlighted.filter((h) => h.range !== range);
        }
        if (this._popoverIssue === issue) {
          this._hidePopover();
        }
        continue;
      }
      issue.offset = this._plainOf(range.startContainer, range.startOffset);
      issue.length = issue.text.length;
      kept.push(issue);
    }
    this._issueList = kept;
  }

  _issueAtCaret() {
    const range = this._selectionRange();
    if (!range || !range.collapsed) {
      return null;
    }
    const plain = this._plainOf(range.startContainer, range.startOffset);
    return this._issueList.find((i) => i.range && i.offset <= plain && plain <= i.offset + i.length) ?? null;
  }

  _applySuggestionAtCaret(index) {
    const issue = this._issueAtCaret();
    if (issue && issue.suggestions[index] !== undefined && !this.readonly) {
      this._applySuggestion(issue, issue.suggestions[index]);
    }
  }

  _applySuggestion(issue, suggestion) {
    if (this.readonly || !issue.range) {
      return;
    }
    this._syncIssueOffsets();
    if (!this._issueList.includes(issue)) {
      return;
    }
    const start = issue.offset;
    const end = issue.offset + issue.length;
    const replacement = cleanText(suggestion);
    // replace on the runs: chips inside the range stay, after the replacement
    const out = [];
    let plain = 0;
    let placed = false;
    const kept = [];
    for (const run of this._runs) {
      if (run.c !== undefined) {
        if (plain > start && plain < end) {
          kept.push(run);
        } else {
          out.push(run);
        }
        continue;
      }
      const runStart = plain;
      const runEnd = plain + run.t.length;
      if (runEnd <= start || runStart >= end) {
        if (!placed && runStart >= end) {
          out.push({ t: replacement }, ...kept);
          placed = true;
        }
        out.push(run);
      } else {
        const before = run.t.slice(0, Math.max(0, start - runStart));
        const after = run.t.slice(Math.max(0, end - runStart));
        if (before) {
          out.push({ t: before });
        }
        if (runEnd >= end && !placed) {
          out.push({ t: replacement }, ...kept);
          placed = true;
        }
        if (after) {
          out.push({ t: after });
        }
      }
      plain = runEnd;
    }
    if (!placed) {
      out.push({ t: replacement }, ...kept);
    }
    const delta = replacement.length - (end - start);
    this._issueList = this._issueList
      .filter((i) => i !== issue && (i.offset + i.length <= start || i.offset >= end))
      .map((i) => (i.offset >= end ? { ...i, offset: i.offset + delta } : i));
    this._runs = canonicalRuns(out);
    this._renderRuns(this._runs);
    this._applyIssues();
    this._hidePopover();
    const caretPlain = start + replacement.length;
    const pos = this._domAtPlain(caretPlain, true);
    this._editor.focus({ preventScroll: true });
    this._setSelection(pos.node, pos.offset, pos.node, pos.offset);
    this._pushHistory('suggestion');
    this._updateValue();
    this._sendInputNow();
  }

  _onMouseMove(e) {
    if (!this._issueList.length) {
      return;
    }
    const { clientX: x, clientY: y } = e;
    cancelAnimationFrame(this._hoverFrame);
    this._hoverFrame = requestAnimationFrame(() => {
      const issue = this._issueList.find((i) => i.range
        && Array.from(i.range.getClientRects()).some((r) => x >= r.left - 1 && x <= r.right + 1
          && y >= r.top - 2 && y <= r.bottom + 4));
      if (issue) {
        this._cancelHide();
        if (this._popoverIssue !== issue) {
          this._showPopover(issue, 'hover');
        }
      } else if (this._popoverSource === 'hover') {
        this._scheduleHide();
      }
    });
  }

  _onMouseLeave() {
    if (this._popoverSource === 'hover') {
      this._scheduleHide();
    }
  }

  _onFocus() {
    document.addEventListener('selectionchange', this._onSelectionChange);
  }

  _onBlur() {
    document.removeEventListener('selectionchange', this._onSelectionChange);
    if (this._inputTimer) {
      // the server learns the last keystrokes before whatever took the focus (a link, a filter, another row)
      this._sendInputNow();
    }
    if (this._popoverSource === 'caret') {
      this._scheduleHide();
    }
  }

  _onSelectionChange() {
    this._showIssueAtCaret();
  }

  _showIssueAtCaret() {
    if (this.shadowRoot.activeElement !== this._editor) {
      return;
    }
    const issue = this._issueAtCaret();
    if (issue) {
      this._cancelHide();
      if (this._popoverIssue !== issue) {
        this._showPopover(issue, 'caret');
      }
    } else if (this._popoverSource === 'caret') {
      this._hidePopover();
    }
  }

  _showPopover(issue, source) {
    const popover = this._popover;
    if (!popover || !issue.range) {
      return;
    }
    this._popoverIssue = issue;
    this._popoverSource = source;
    const header = document.createElement('div');
    const badge = document.createElement('span');
    badge.className = `severity ${issue.severity}`;
    badge.textContent = issue.severity;
    const message = document.createElement('span');
    message.className = 'message';
    message.textContent = issue.message;
    header.append(badge, message);
    const parts = [header];
    if (issue.suggestions.length) {
      const list = document.createElement('div');
      list.className = 'suggestions';
      issue.suggestions.slice(0, 9).forEach((suggestion, index) => {
        if (this.readonly) {
          const s = document.createElement('span');
          s.className = 'suggestion';
          s.textContent = suggestion;
          list.appendChild(s);
        } else {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'suggestion';
          button.textContent = suggestion;
          button.title = `Replace with "${suggestion}" (Alt+${index + 1})`;
          button.addEventListener('click', (e) => {
            e.preventDefault();
            e.stopPropagation();
            this._applySuggestion(issue, suggestion);
          });
          list.appendChild(button);
        }
      });
      parts.push(list);
      if (!this.readonly) {
        const hint = document.createElement('div');
        hint.className = 'hint';
        hint.textContent = 'Alt+Enter applies the first suggestion';
        parts.push(hint);
      }
    }
    popover.replaceChildren(...parts);
    const active = sharedHighlight(ACTIVE_HIGHLIGHT, 0);
    if (this._activeRange) {
      active?.delete(this._activeRange);
    }
    this._activeRange = issue.range;
    active?.add(issue.range);
    if (typeof popover.showPopover === 'function') {
      if (!popover.matches(':popover-open')) {
        popover.showPopover();
      }
    } else {
      popover.classList.add('open');
    }
    const rect = issue.range.getBoundingClientRect();
    const width = popover.offsetWidth;
    const height = popover.offsetHeight;
    let left = Math.min(rect.left, window.innerWidth - width - 8);
    left = Math.max(8, left);
    let top = rect.bottom + 6;
    if (top + height > window.innerHeight - 8) {
      top = Math.max(8, rect.top - height - 6);
    }
    popover.style.left = `${left}px`;
    popover.style.top = `${top}px`;
  }

  _hidePopover() {
    clearTimeout(this._hideTimer);
    this._hideTimer = null;
    const popover = this._popover;
    if (popover) {
      if (typeof popover.hidePopover === 'function') {
        if (popover.matches(':popover-open')) {
          popover.hidePopover();
        }
      } else {
        popover.classList.remove('open');
      }
    }
    if (this._activeRange) {
      sharedHighlight(ACTIVE_HIGHLIGHT, 0)?.delete(this._activeRange);
      this._activeRange = null;
    }
    this._popoverIssue = null;
    this._popoverSource = null;
  }

  _scheduleHide() {
    clearTimeout(this._hideTimer);
    this._hideTimer = setTimeout(() => this._hidePopover(), 350);
  }

  _cancelHide() {
    clearTimeout(this._hideTimer);
    this._hideTimer = null;
  }
}

if (!customElements.get('segment-editor')) {
  customElements.define('segment-editor', SegmentEditor);
}
