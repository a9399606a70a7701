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

describe('SynonymTable: built-in aliases', () => {
  it('knows clubs, countries, organizations and people by their short names, both ways', () => {
    const table = new SynonymTable();
    expect(folded(table.find(['barca'])[0])).toEqual(['barcelona']);
    expect(folded(table.find(syl('phao thu'))[0])).toEqual(['arsenal']);
    expect(folded(table.find(['mu'])[0])).toContain('manchester united');
    expect(folded(table.find(syl('manchester united'))[0])).toEqual(expect.arrayContaining(['mu', 'man utd', 'quy do']));
    expect(folded(table.find(['who'])[0])).toEqual(['to chuc y te the gioi']);
    expect(folded(table.find(syl('hoa ky'))[0])).toEqual(['my']);
    expect(folded(table.find(syl('nguyen cong phuong'))[0])).toEqual(['cong phuong']);
  });

  it('lets the user file win: a form it mentions leaves the built-in alias groups', () => {
    // An archive where "real" means real estate, and one that drops the alias altogether.
    const estate = new SynonymTable([['real', 'bất động sản']]);
    expect(folded(estate.find(['real'])[0])).toEqual(['bat dong san', 'bds']);
    expect(folded(estate.find(syl('real madrid'))[0])).toEqual(['ken ken trang']); // the rules without "real" stay
    expect(new SynonymTable([['barca', 'barca']]).find(['barca'])).toEqual([]);
    // Built-in abbreviations still join user rules (see above): only aliases give way.
    expect(folded(new SynonymTable([['hđnd', 'hội đồng']]).find(['hdnd'])[0])).toEqual(['hoi dong', 'hoi dong nhan dan']);
  });
});

describe('SynonymTable: diacritics typed', () => {
  it('matches a built-in form only as written when the query spells it with diacritics', () => {
    const table = new SynonymTable();
    expect(table.find(['mu'], ['mũ'])).toEqual([]); // mũ (hat) is not MU
    expect(folded(table.find(['mu'], [null])[0])).toContain('manchester united');
    expect(folded(table.find(syl('hoa ky'), ['hoa', 'kỳ'])[0])).toEqual(['my']);
    expect(folded(table.find(['hdnd'], ['hđnd'])[0])).toContain('hoi dong nhan dan');
  });

  it('matches the user file\'s forms by their folded syllables whatever the query\'s diacritics', () => {
    const table = new SynonymTable([['sai gon', 'thanh pho ho chi minh']]);
    expect(folded(table.find(syl('sai gon'), ['sài', 'gòn'])[0])).toContain('thanh pho ho chi minh');
  });
});
