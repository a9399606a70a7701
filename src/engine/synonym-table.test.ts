import { describe, expect, it } from 'vitest';
import { SynonymTable, type SynonymMatch } from './synonym-table.js';

const folded = (m: SynonymMatch) => m.alternatives.map((a) => a.folded.join(' ')).sort();
const syl = (s: string) => s.split(' ');

describe('SynonymTable', () => {
  const table = new SynonymTable([
    ['CĐV', 'cổ động viên'],
    ['fan hâm mộ', 'cổ động viên'],
    ['nhà đất', 'bất động sản'], // built-in: bđs = bất động sản
    ['Sài Gòn', 'thành phố Hồ Chí Minh'],
  ]);

  it('expands a built-in abbreviation in both directions, with diacritics in the exact form', () => {
    const [short] = table.find(['ubnd']);
    expect(short).toMatchObject({ start: 0, end: 1 });
    expect(short.alternatives).toContainEqual({ folded: syl('uy ban nhan dan'), exact: syl('ủy ban nhân dân') });
    const [long] = table.find(syl('uy ban nhan dan'));
    expect(long).toMatchObject({ start: 0, end: 4 });
    expect(folded(long)).toEqual(['ubnd']);
  });

  it('analyzes user rules like queries (case and diacritics folded in the key)', () => {
    const [m] = table.find(['cdv']);
    expect(m.alternatives).toContainEqual({ folded: syl('co dong vien'), exact: syl('cổ động viên') });
    expect(folded(table.find(syl('co dong vien'))[0])).toEqual(['cdv', 'fan ham mo']);
  });

  it('makes rules transitive: forms sharing a side form one group', () => {
    expect(folded(table.find(syl('fan ham mo'))[0])).toEqual(['cdv', 'co dong vien']);
    expect(folded(table.find(['cdv'])[0])).toEqual(['co dong vien', 'fan ham mo']);
    // User "nhà đất" joins the built-in bđs / bất động sản pair.
    expect(folded(table.find(syl('nha dat'))[0])).toEqual(['bat dong san', 'bds']);
    expect(folded(table.find(syl('bat dong san'))[0])).toEqual(['bds', 'nha dat']);
    // User "sài gòn" joins the built-in tphcm / tp hcm / thành phố hồ chí minh group.
    expect(folded(table.find(syl('sai gon'))[0])).toEqual(['thanh pho ho chi minh', 'tp hcm', 'tphcm']);
    expect(folded(table.find(['tphcm'])[0])).toEqual(['sai gon', 'thanh pho ho chi minh', 'tp hcm']);
  });

  it('never lists a form as its own alternative', () => {
    for (const q of ['cdv', 'bds', 'nha dat', 'tphcm', 'sai gon']) {
      expect(folded(table.find(syl(q))[0])).not.toContain(q);
    }
  });

  it('finds non-overlapping spans left to right, longest first', () => {
    const q = syl('gia bds tai thanh pho ho chi minh');
    const found = table.find(q);
    expect(found.map((m) => [m.start, m.end])).toEqual([[1, 2], [3, 8]]); // not the shorter "ho chi minh" (= hcm)
    expect(folded(found[1])).toContain('sai gon');
    expect(folded(table.find(syl('ho chi minh'))[0])).toEqual(['hcm']);
  });

  it('finds nothing in ordinary text, or for a rule whose side analyzes to no words', () => {
    expect(table.find(syl('mua lon o mien trung'))).toEqual([]);
    expect(table.find([])).toEqual([]);
    expect(new SynonymTable([['', 'vô nghĩa']]).find(syl('vo nghia'))).toEqual([]);
  });

  it('keeps user rules out of a table built without them', () => {
    const builtIn = new SynonymTable();
    expect(builtIn.find(['cdv'])).toEqual([]);
    expect(folded(builtIn.find(['bds'])[0])).toEqual(['bat dong san']);
  });
});
