import { describe, expect, it } from 'vitest';
import { barChart, lineChart, niceCeil, shortDay } from './charts.js';

const labels = ['2026-03-01', '2026-03-02', '2026-03-03'];
const opts = { title: 'Lượt tìm <kiếm>', labels, format: (v: number) => String(v), empty: 'Chưa có dữ liệu' };

describe('charts', () => {
  it('rounds axis maxima to 1/2/5×10ⁿ', () => {
    expect([0, 0.3, 1, 7, 12, 99, 101, 4500].map(niceCeil)).toEqual([1, 0.5, 1, 10, 20, 100, 200, 5000]);
    expect(shortDay('2026-03-02')).toBe('02/03');
  });

  it('draws one bar per day, scaled to the axis, with tooltips', () => {
    const svg = barChart([10, 0, 5], opts);
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(3);
    expect(svg).toContain('<title>02/03: 0</title>');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Lượt tìm &lt;kiếm&gt;"');
    expect(svg).not.toContain('<kiếm>');
    expect(svg).not.toContain('style=');
    // The tallest bar (10 of an axis of 10) spans the plot height.
    expect(svg).toMatch(/<rect class="bar" x="[\d.]+" y="16" width="[\d.]+" height="174"/);
  });

  it('draws lines with gaps for missing values and a legend', () => {
    const svg = lineChart([{ name: 'p50', values: [3, null, 5] }, { name: 'p95', values: [9, null, 12] }], opts);
    expect(svg.match(/<path class="line s\d"/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(4);
    expect((svg.match(/d="([^"]+)"/) ?? [])[1]).toMatch(/^M[\d.]+ [\d.]+M[\d.]+ [\d.]+$/); // no line across the gap
    expect(svg).toContain('>p95</text>');
  });

  it('says so when there is nothing to draw', () => {
    expect(barChart([0, 0, 0], opts)).toContain('Chưa có dữ liệu');
    expect(lineChart([{ name: 'x', values: [null, null, null] }], opts)).toContain('Chưa có dữ liệu');
  });
});
