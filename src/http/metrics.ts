/**
 * @module
 * A small metrics registry rendered in the Prometheus text exposition format (version 0.0.4):
 * counters, gauges and histograms with labels. Enough for kura's few metrics without a dependency.
 */

/** The labels of one series. */
export type Labels = Readonly<Record<string, string>>;

interface Series {
  readonly labels: Labels;
  value: number;
  /** Histogram only: cumulative counts per bucket, and the sum. */
  buckets?: number[];
  sum?: number;
}

interface Family {
  readonly name: string;
  readonly help: string;
  readonly type: "counter" | "gauge" | "histogram";
  readonly bounds: readonly number[];
  readonly series: Map<string, Series>;
}

/** A counter: only goes up. */
export interface Counter {
  inc(labels?: Labels, by?: number): void;
  /** The increment of one label set, resolved once (for hot paths). */
  bind(labels: Labels): (by?: number) => void;
}

/** A gauge: set to the current value. */
export interface Gauge {
  set(labels: Labels, value: number): void;
  /** Forgets every series (before setting the current set of, say, feeds). */
  reset(): void;
}

/** A histogram of observed values (seconds, bytes). */
export interface Histogram {
  observe(labels: Labels, value: number): void;
  /** The observation of one label set, resolved once (for hot paths). */
  bind(labels: Labels): (value: number) => void;
}

/** Default histogram buckets for durations in seconds. */
export const DURATION_BUCKETS = [
  0.001,
  0.0025,
  0.005,
  0.01,
  0.025,
  0.05,
  0.1,
  0.25,
  0.5,
  1,
  2.5,
  5,
  10,
  30,
] as const;

/** The metrics of one process. */
export class MetricsRegistry {
  readonly #families = new Map<string, Family>();
  readonly #collectors: (() => void)[] = [];

  /** Registers (or returns) counter `name`. */
  counter(name: string, help: string): Counter {
    const family = this.#family(name, help, "counter", []);
    return {
      inc: (labels = {}, by = 1) => (this.#series(family, labels).value += by),
      bind: (labels) => {
        const series = this.#series(family, labels);
        return (by = 1) => (series.value += by);
      },
    };
  }

  /** Registers (or returns) gauge `name`. */
  gauge(name: string, help: string): Gauge {
    const family = this.#family(name, help, "gauge", []);
    return {
      set: (labels, value) => (this.#series(family, labels).value = value),
      reset: () => family.series.clear(),
    };
  }

  /** Registers (or returns) histogram `name` with upper bounds `bounds` (ascending). */
  histogram(name: string, help: string, bounds: readonly number[] = DURATION_BUCKETS): Histogram {
    const family = this.#family(name, help, "histogram", bounds);
    const observe = (series: Series, value: number) => {
      series.value++;
      series.sum! += value;
      const buckets = series.buckets!;
      for (let index = 0; index < family.bounds.length; index++) {
        if (value <= family.bounds[index]!) buckets[index]!++;
      }
    };
    return {
      observe: (labels, value) => observe(this.#series(family, labels), value),
      bind: (labels) => {
        const series = this.#series(family, labels);
        return (value) => observe(series, value);
      },
    };
  }

  /** Runs `collect` before each {@link render}, to set gauges from current state. */
  onCollect(collect: () => void): void {
    this.#collectors.push(collect);
  }

  /**
   * Every metric in the Prometheus text format; with `keep`, only the series whose labels it keeps
   * (a family left without series still shows its HELP and TYPE).
   */
  render(keep?: (labels: Labels) => boolean): string {
    for (const collect of this.#collectors) collect();
    const lines: string[] = [];
    for (const family of this.#families.values()) {
      lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`);
      lines.push(`# TYPE ${family.name} ${family.type}`);
      for (const series of family.series.values()) {
        if (keep !== undefined && !keep(series.labels)) continue;
        if (family.type !== "histogram") {
          lines.push(`${family.name}${labelText(series.labels)} ${number(series.value)}`);
          continue;
        }
        family.bounds.forEach((bound, index) => {
          const labels = { ...series.labels, le: number(bound) };
          lines.push(`${family.name}_bucket${labelText(labels)} ${series.buckets![index]}`);
        });
        lines.push(
          `${family.name}_bucket${labelText({ ...series.labels, le: "+Inf" })} ${series.value}`,
        );
        lines.push(`${family.name}_sum${labelText(series.labels)} ${number(series.sum ?? 0)}`);
        lines.push(`${family.name}_count${labelText(series.labels)} ${series.value}`);
      }
    }
    return `${lines.join("\n")}\n`;
  }

  #family(name: string, help: string, type: Family["type"], bounds: readonly number[]): Family {
    const known = this.#families.get(name);
    if (known) {
      if (known.type !== type) throw new TypeError(`Metric ${name} is a ${known.type}`);
      return known;
    }
    if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(name)) throw new TypeError(`Bad metric name ${name}`);
    const family: Family = { name, help, type, bounds: [...bounds], series: new Map() };
    this.#families.set(name, family);
    return family;
  }

  #series(family: Family, labels: Labels): Series {
    const key = labelText(labels);
    let series = family.series.get(key);
    if (!series) {
      series = { labels: { ...labels }, value: 0 };
      if (family.type === "histogram") {
        series.buckets = family.bounds.map(() => 0);
        series.sum = 0;
      }
      family.series.set(key, series);
    }
    return series;
  }
}

function labelText(labels: Labels): string {
  const keys = Object.keys(labels).sort((
    a,
    b,
  ) => (a === "le" ? 1 : b === "le" ? -1 : a < b ? -1 : 1));
  if (keys.length === 0) return "";
  return `{${keys.map((key) => `${key}="${escapeLabel(labels[key]!)}"`).join(",")}}`;
}

function escapeLabel(value: string): string {
  return value.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");
}

function escapeHelp(value: string): string {
  return value.replaceAll("\\", "\\\\").replaceAll("\n", "\\n");
}

function number(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}
