/** One line of the benchmark table. `ratio` is value / baselineValue (lower is better for times). */
export interface BenchRow {
  benchmark: string;
  size: string;
  measure: string;
  value: number;
  unit?: string;
  baseline?: string;
  baselineValue?: number;
  ratio?: number;
  target?: string;
  note?: string;
}
