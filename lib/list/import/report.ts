/**
 * What an import could not use, row by row: nothing read from KPU's files is dropped without a
 * line here saying which file, where in it, and why. `notes` are facts worth knowing that did not
 * cost a row (gaps in ballot numbers, a dapil without a kecamatan mapping).
 */
export interface Skipped {
  /** the file or source name (`dct`, `pkwkk`, `dapil_wilayah`) */
  source: string;
  /** `line 12`, `region 1811 entry 1000456` */
  where: string;
  reason: string;
  /** the row's text, shortened, to find it again */
  text?: string;
}

export class ImportReport {
  readonly skipped: Skipped[] = [];
  readonly notes: string[] = [];
  skip(source: string, where: string, reason: string, text?: string): void {
    const s: Skipped = { source, where, reason };
    if (text) s.text = text.length > 160 ? `${text.slice(0, 157)}…` : text;
    this.skipped.push(s);
  }
  note(line: string): void {
    this.notes.push(line);
  }
}

export const formatSkipped = (s: Skipped): string =>
  `${s.source} ${s.where}: ${s.reason}${s.text ? ` — ${JSON.stringify(s.text)}` : ''}`;
