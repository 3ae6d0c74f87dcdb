// Owns the set of file paths the editor has open, kept by URI so that two spellings of one file's URI count once each.
export class OpenPaths {
  private readonly byUri = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  /** A document opened (again: counted once per URI); `file` is undefined for URIs that are not files. */
  add(uri: string, file: string | undefined): void {
    if (!file || this.byUri.has(uri)) return;
    this.byUri.set(uri, file);
    this.counts.set(file, (this.counts.get(file) ?? 0) + 1);
  }

  delete(uri: string): void {
    const file = this.byUri.get(uri);
    if (file === undefined) return;
    this.byUri.delete(uri);
    const left = (this.counts.get(file) ?? 1) - 1;
    if (left > 0) this.counts.set(file, left); else this.counts.delete(file);
  }

  has(file: string): boolean {
    return this.counts.has(file);
  }
}
