// The compliance score over time as an SVG line chart drawn here (no chart library). For screen readers the
// picture is one image with a sentence per installation, and a visually hidden table holds every value.
import { useId } from 'react';
import type { InstallationSeries, ScorePoint } from '../../../electron/shared/contract-dashboard';
import { useI18n } from '../i18n/context';

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 40, right: 18, top: 12, bottom: 34 };
const GRID = [0, 25, 50, 75, 100];
/** Closest two date labels may stand, in SVG units. */
const LABEL_GAP = 90;
export const SERIES_COLORS = ['#1d5aa3', '#2e7d32', '#ad1457', '#b25e00', '#6a1b9a', '#00838f'];

/** Date labels near either edge grow inwards so that they are not cut off. */
const anchorOf = (x: number) => (x - PAD.left < LABEL_GAP / 2 ? 'start' : WIDTH - x < LABEL_GAP / 2 ? 'end' : 'middle');

interface Placed extends ScorePoint {
  x: number;
  y: number;
}

export function ScoreChart({ series }: { series: InstallationSeries[] }) {
  const { t, date, number } = useI18n();
  const d = t.dashboard;
  const captionId = useId();
  const all = series.flatMap((s) => s.points);
  const times = all.map((p) => Date.parse(p.at));
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const inset = 12;
  const xOf = (at: string) => (span > 0 ? PAD.left + inset + ((Date.parse(at) - first) / span) * (plotW - 2 * inset) : PAD.left + plotW / 2);
  const yOf = (score: number) => PAD.top + plotH - (Math.max(0, Math.min(100, score)) / 100) * plotH;
  const placed = series.map((s) => s.points.map((p): Placed => ({ ...p, x: xOf(p.at), y: yOf(p.score) })));
  const anyProvisional = all.some((p) => !p.complete);
  const multi = series.length > 1;

  const summary = series
    .map((s) => (s.points.length === 0 ? d.chartEmptySeries(s.name) : d.chartSummary(s.name, s.points.length, number(s.points[0]!.score, 1), number(s.points.at(-1)!.score, 1))))
    .join(' ');

  // Date labels: the first and the last time, those between where they fit.
  const ticks = [...new Set(all.map((p) => p.at))].sort().map((at) => ({ at, x: xOf(at) }));
  const labels: typeof ticks = [];
  for (const tick of ticks) {
    const last = ticks.at(-1)!;
    if (labels.length > 0 && tick.x - labels.at(-1)!.x < LABEL_GAP) continue;
    if (tick !== last && last.x - tick.x < LABEL_GAP && labels.length > 0) continue;
    labels.push(tick);
  }

  return (
    <figure className="score-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${d.chartTitle}. ${summary}`} className="score-chart-svg">
        {GRID.map((g) => (
          <g key={g}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={yOf(g)} y2={yOf(g)} className={g === 0 ? 'chart-axis' : 'chart-grid'} />
            <text x={PAD.left - 6} y={yOf(g) + 4} textAnchor="end" className="chart-label">
              {g}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} className="chart-axis" />
        <text x={-(PAD.top + plotH / 2)} y={11} transform="rotate(-90)" textAnchor="middle" className="chart-label">
          {d.scoreAxis}
        </text>
        {labels.map((l) => (
          <text key={l.at} x={l.x} y={HEIGHT - PAD.bottom + 18} textAnchor={anchorOf(l.x)} className="chart-label">
            {date(l.at)}
          </text>
        ))}
        {placed.map((points, i) => {
          const color = SERIES_COLORS[i % SERIES_COLORS.length]!;
          return (
            <g key={series[i]!.installationId} data-series={series[i]!.installationId}>
              {points.length > 1 && <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke={color} strokeWidth={2} />}
              {points.map((p) => (
                <circle key={p.runId} cx={p.x} cy={p.y} r={4.5} fill={p.complete ? color : '#ffffff'} stroke={color} strokeWidth={2} data-complete={p.complete} />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="score-chart-legend" aria-hidden="true">
        {multi &&
          series.map((s, i) => s.points.length > 0 && (
            <span key={s.installationId} className="legend-entry">
              <span className="legend-swatch" style={{ background: SERIES_COLORS[i % SERIES_COLORS.length] }} />
              {s.name}
            </span>
          ))}
        <span className="legend-entry">
          <span className="legend-point legend-point-filled" />
          {d.legendComplete}
        </span>
        {anyProvisional && (
          <span className="legend-entry">
            <span className="legend-point legend-point-hollow" />
            {d.legendProvisional}
          </span>
        )}
      </figcaption>
      <table className="visually-hidden" aria-describedby={captionId}>
        <caption id={captionId}>{d.tableCaption}</caption>
        <thead>
          <tr>
            {multi && <th scope="col">{d.installation}</th>}
            <th scope="col">{d.date}</th>
            <th scope="col">{d.score}</th>
            <th scope="col">{d.run}</th>
          </tr>
        </thead>
        <tbody>
          {series.flatMap((s) =>
            s.points.map((p) => (
              <tr key={p.runId}>
                {multi && <td>{s.name}</td>}
                <td>{date(p.at)}</td>
                <td>{number(p.score, 1)}</td>
                <td>{`#${p.runId} · ${p.complete ? d.complete : d.provisional}`}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </figure>
  );
}
