/**
 * A hand-written SVG: throughput (0 ms upstream latency) and p99 (the slow mode) per workload and system, at
 * the headline concurrency. No dependency: two grouped bar charts with their values printed on the bars.
 */
import { cellKey, cells, type Results } from './report.js';

const COLOURS: Record<string, string> = {
  ours: '#2f6fde',
  'ours, read cache': '#9bb9ef',
  'ours, response cache': '#1b3f86',
  Mesh: '#e0702b',
  'Mesh, response cache': '#f2b48a',
  limit: '#3a9a4a',
  ceiling: '#8a8a8a',
};

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function chart(results: Results): string {
  const table = cells(results);
  const modes = results.plan.modes.map((m) => m.name);
  const c = results.plan.concurrencies.includes(10) ? 10 : results.plan.concurrencies[0]!;
  const systems = Object.keys(COLOURS).filter((s) => results.runs.some((r) => r.system === s));
  const workloads = results.workloads.map((w) => w.name);
  const panels = [
    {
      title: `Requests per second (${modes[0]}, ${c} clients; higher is better)`,
      mode: modes[0]!,
      metric: 'rps' as const,
    },
    {
      title: `p99 latency, ms (${modes[modes.length - 1]}, ${c} clients; lower is better)`,
      mode: modes[modes.length - 1]!,
      metric: 'p99' as const,
    },
  ];
  const width = 1000;
  const panelHeight = 260;
  const left = 60;
  const groupWidth = (width - left - 20) / workloads.length;
  const barWidth = (groupWidth - 20) / systems.length;
  const parts: string[] = [];
  panels.forEach((panel, p) => {
    const top = 40 + p * (panelHeight + 60);
    const values = workloads.flatMap((w) =>
      systems.map((s) => table.get(cellKey(panel.mode, w, s, c))?.[panel.metric] ?? 0),
    );
    const max = Math.max(1, ...values);
    parts.push(
      `<text x="${left}" y="${top - 12}" font-size="14" font-weight="bold">${escape(panel.title)}</text>`,
    );
    parts.push(
      `<line x1="${left}" y1="${top + panelHeight}" x2="${width - 20}" y2="${top + panelHeight}" stroke="#444"/>`,
    );
    workloads.forEach((w, i) => {
      const x0 = left + i * groupWidth + 10;
      systems.forEach((s, j) => {
        const value = table.get(cellKey(panel.mode, w, s, c))?.[panel.metric];
        if (value === undefined) return;
        const h = (value / max) * (panelHeight - 20);
        const x = x0 + j * barWidth;
        const y = top + panelHeight - h;
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLOURS[s]}"/>`,
        );
        parts.push(
          `<text x="${(x + barWidth / 2).toFixed(1)}" y="${(y - 3).toFixed(1)}" font-size="9" text-anchor="middle">${value.toFixed(0)}</text>`,
        );
      });
      parts.push(
        `<text x="${(x0 + (groupWidth - 20) / 2).toFixed(1)}" y="${top + panelHeight + 16}" font-size="12" text-anchor="middle">${escape(w)}</text>`,
      );
    });
  });
  const legendY = 40 + 2 * (panelHeight + 60) - 20;
  const legendStep = (width - left - 20) / systems.length;
  systems.forEach((s, i) => {
    const x = (left + i * legendStep).toFixed(0);
    parts.push(`<rect x="${x}" y="${legendY}" width="12" height="12" fill="${COLOURS[s]}"/>`);
    parts.push(`<text x="${Number(x) + 18}" y="${legendY + 11}" font-size="12">${escape(s)}</text>`);
  });
  const height = legendY + 30;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
${parts.join('\n')}
</svg>
`;
}
