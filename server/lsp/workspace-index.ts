// Owns the findings of every file the server knows (open documents and workspace-scan results), which of them share a pattern, and publishing them with "same pattern in N other places".
import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver';
import type { Finding } from '../engine';
import type { DiagnosticData } from '../../shared/protocol';

/** At most this many other places are linked from one diagnostic (the count in its message stays exact). */
export const maxRelatedLocations = 20;

/** A file on disk as it was when scanned: a fix computed then applies only while both still match. */
export interface FileStamp {
  readonly mtimeMs: number;
  readonly size: number;
}

/** What is known about one file: its diagnostics as analysed, before propagation is added. */
export interface FileEntry {
  readonly uri: string;
  /** `open`: a document the editor has open (live results); `disk`: the workspace scan read it from disk. */
  readonly source: 'open' | 'disk';
  /** The document version analysed (open documents only). */
  readonly version?: number;
  /** As analysed; the first `findings.length` are the findings' own, in order, the rest are notes (skipped file). */
  readonly diagnostics: readonly Diagnostic[];
  /** Active (unsuppressed) findings, with their fixes. */
  readonly findings: readonly Finding[];
  /** Each finding's pattern key (`patternOf`). */
  readonly patterns: readonly string[];
  readonly stamp?: FileStamp;
}

export interface Occurrence {
  readonly key: string;
  readonly entry: FileEntry;
  readonly finding: Finding;
}

export interface IndexHooks {
  /** Sends `textDocument/publishDiagnostics`. */
  send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  /** Whether an open entry still describes the document's current version (else its next analysis publishes). */
  isCurrent(entry: FileEntry): boolean;
  /** The client shows `relatedInformation`. */
  relatedInformation(): boolean;
  /** A short place name for people: a workspace-relative path. */
  label(uri: string): string;
}

/**
 * Files by key (their file path, or the URI of an unsaved document) and, per pattern, where it occurs. When a file's
 * patterns or their places change, the other files sharing them are marked for republishing: their counts and links
 * follow without re-analysis. `flush` publishes what is marked.
 */
export class PropagationIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly places = new Map<string, Map<string, readonly Range[]>>();
  private readonly dirty = new Map<string, string>();

  constructor(private readonly hooks: IndexHooks) {}

  get(key: string): FileEntry | undefined {
    return this.files.get(key);
  }

  keys(): IterableIterator<string> {
    return this.files.keys();
  }

  /**
   * Records (or, with undefined, forgets) a file's results; marks it and the files sharing a changed pattern for
   * publishing. Returns whether another file's count changed (not only where this file's copies sit).
   */
  set(key: string, entry: FileEntry | undefined): boolean {
    let counts = false;
    const old = this.files.get(key);
    const before = placesOf(old);
    const after = placesOf(entry);
    for (const pattern of new Set([...before.keys(), ...after.keys()])) {
      if (sameRanges(before.get(pattern), after.get(pattern))) continue;
      if ((before.get(pattern)?.length ?? 0) !== (after.get(pattern)?.length ?? 0)) counts = true;
      const holders = this.places.get(pattern) ?? new Map<string, readonly Range[]>();
      const ranges = after.get(pattern);
      if (ranges) holders.set(key, ranges); else holders.delete(key);
      if (holders.size) this.places.set(pattern, holders); else this.places.delete(pattern);
      for (const other of holders.keys()) if (other !== key) this.dirty.set(other, this.files.get(other)!.uri);
    }
    if (entry) this.files.set(key, entry); else this.files.delete(key);
    if (entry || old) this.dirty.set(key, entry?.uri ?? old!.uri);
    return counts;
  }

  /** Publishes one file now (its own analysis just finished) and unmarks it. */
  publish(key: string): void {
    const uri = this.dirty.get(key) ?? this.files.get(key)?.uri;
    this.dirty.delete(key);
    if (uri) this.send(key, uri);
  }

  /** Publishes every marked file. */
  flush(): void {
    const marked = [...this.dirty];
    this.dirty.clear();
    for (const [key, uri] of marked) this.send(key, uri);
  }

  get hasDirty(): boolean {
    return this.dirty.size > 0;
  }

  /** Every finding with `pattern`, file by file. */
  occurrences(pattern: string): Occurrence[] {
    const out: Occurrence[] = [];
    for (const key of this.places.get(pattern)?.keys() ?? []) {
      const entry = this.files.get(key)!;
      entry.findings.forEach((finding, i) => { if (entry.patterns[i] === pattern) out.push({ key, entry, finding }); });
    }
    return out;
  }

  /** Findings and files holding them, over the files whose key `within` accepts. */
  count(within: (key: string) => boolean): { findings: number; files: number } {
    let findings = 0;
    let files = 0;
    for (const [key, entry] of this.files) {
      if (!within(key) || entry.findings.length === 0) continue;
      findings += entry.findings.length;
      files++;
    }
    return { findings, files };
  }

  /** The file's diagnostics with propagation: a count in the message, links to the other places, the pattern in `data`. */
  decorated(key: string): Diagnostic[] {
    const entry = this.files.get(key);
    if (!entry) return [];
    const related = this.hooks.relatedInformation();
    return entry.diagnostics.map((diagnostic, i) => {
      const pattern = i < entry.findings.length ? entry.patterns[i] : undefined;
      if (!pattern) return diagnostic;
      const data: DiagnosticData = { ...(diagnostic.data as DiagnosticData), pattern };
      const others = this.otherPlaces(pattern, key, diagnostic.range);
      if (others.length === 0) return { ...diagnostic, data };
      const message = `${typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value} — same pattern in ${others.length} other place${others.length === 1 ? '' : 's'}`;
      const relatedInformation: DiagnosticRelatedInformation[] | undefined = related
        ? others.slice(0, maxRelatedLocations).map((place) => ({ location: place, message: `same pattern: ${this.hooks.label(place.uri)}:${place.range.start.line + 1}` }))
        : undefined;
      return { ...diagnostic, message, data, ...(relatedInformation ? { relatedInformation } : {}) };
    });
  }

  /** The places holding `pattern` other than `range` of `key`: this file's others first, then other files by label. */
  otherPlaces(pattern: string, key: string, range: Range): { uri: string; range: Range }[] {
    const own: { uri: string; range: Range }[] = [];
    const rest: { uri: string; range: Range; label: string }[] = [];
    for (const [holder, ranges] of this.places.get(pattern) ?? []) {
      const uri = this.files.get(holder)!.uri;
      for (const r of ranges) {
        if (holder === key) { if (!sameRange(r, range)) own.push({ uri, range: r }); }
        else rest.push({ uri, range: r, label: this.hooks.label(uri) });
      }
    }
    rest.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.range.start.line - b.range.start.line));
    return [...own, ...rest.map(({ uri, range: r }) => ({ uri, range: r }))];
  }

  private send(key: string, uri: string): void {
    const entry = this.files.get(key);
    if (!entry) { this.hooks.send(uri, undefined, []); return; }
    if (entry.source === 'open' && !this.hooks.isCurrent(entry)) return;
    this.hooks.send(entry.uri, entry.version, this.decorated(key));
  }
}

function placesOf(entry: FileEntry | undefined): Map<string, Range[]> {
  const map = new Map<string, Range[]>();
  entry?.findings.forEach((finding, i) => {
    const pattern = entry.patterns[i];
    if (!pattern) return;
    const list = map.get(pattern) ?? [];
    list.push(finding.range);
    map.set(pattern, list);
  });
  return map;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function sameRanges(a: readonly Range[] | undefined, b: readonly Range[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((r, i) => sameRange(r, b[i]));
}
