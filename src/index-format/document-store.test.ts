import { describe, expect, it } from 'vitest';
import { ContainerError, writeContainer } from './binary-container.js';
import { DocumentStore, writeDocumentStore, type StoredDocument } from './document-store.js';
import { INDEX_FORMAT_VERSION } from './manifest.js';

const DOCS: StoredDocument[] = [
  {
    id: 'vnx-2011-0042',
    title: 'Hà Nội mưa lớn, nhiều tuyến phố ngập sâu',
    kicker: 'Thời tiết',
    lead: 'Trận mưa kéo dài từ chiều qua khiến giao thông ùn tắc.',
    body: 'Người dân phường Hàng Bạc phải lội nước về nhà.\nUBND thành phố chỉ đạo khắc phục.',
    date: '2011-10-08T08:15',
    url: 'https://example.vn/ha-noi-mua-lon',
    category: 'Thời sự',
    author: 'Nguyễn Văn A',
    agency: 'TTXVN',
  },
  { id: 'đà-nẵng-1', title: 'Đà Nẵng đón khách', body: 'Cầu Rồng phun lửa & nước <cuối tuần>.' },
  { id: 'a-001', title: '"Trích dẫn" có dấu ngoặc', body: '' },
];

const open = (docs: readonly StoredDocument[], shard = 0) => new DocumentStore(writeDocumentStore(shard, docs).slice().buffer);

describe('DocumentStore', () => {
  it('round-trips every stored field by local document number', () => {
    const store = open(DOCS);
    expect(store.documentCount).toBe(3);
    DOCS.forEach((d, i) => expect(store.get(i)).toEqual(d));
  });

  it('finds documents by id, whatever their byte order', () => {
    const store = open(DOCS);
    expect(store.findById('vnx-2011-0042')).toBe(0);
    expect(store.findById('đà-nẵng-1')).toBe(1); // non-ASCII id sorts last in bytes but is document 1
    expect(store.findById('a-001')).toBe(2);
  });

  it('returns -1 for unknown ids, including ones differing only in diacritics or case', () => {
    const store = open(DOCS);
    for (const id of ['da-nang-1', 'VNX-2011-0042', 'vnx-2011-004', '']) expect(store.findById(id)).toBe(-1);
  });

  it('reports the size of the bytes it was opened from', () => {
    const bytes = writeDocumentStore(1, DOCS);
    expect(new DocumentStore(bytes.slice().buffer).byteLength).toBe(bytes.byteLength);
  });

  it('handles an empty shard', () => {
    const store = open([]);
    expect(store.documentCount).toBe(0);
    expect(store.findById('a-001')).toBe(-1);
  });

  it('refuses bytes of another artifact kind or format version', () => {
    const other = writeContainer('VNSP', INDEX_FORMAT_VERSION, { shard: 0, documentCount: 0 }, {});
    expect(() => new DocumentStore(other.slice().buffer)).toThrow(ContainerError);
    const future = writeContainer('VNDS', INDEX_FORMAT_VERSION + 1, { shard: 0, documentCount: 0 }, {});
    expect(() => new DocumentStore(future.slice().buffer)).toThrow(ContainerError);
  });

  it('refuses a truncated store', () => {
    const bytes = writeDocumentStore(0, DOCS);
    expect(() => new DocumentStore(bytes.slice(0, bytes.byteLength - 16).buffer)).toThrow(ContainerError);
  });

  it('refuses a store whose counts disagree with its sections', () => {
    const ok = writeDocumentStore(0, DOCS);
    // Same sections, but a header claiming one more document than there are records.
    const lying = writeContainer('VNDS', INDEX_FORMAT_VERSION, { shard: 0, documentCount: 4 }, {
      recordOffsets: new Uint32Array(4), recordBytes: new Uint8Array(0), idBytes: new Uint8Array(0), idOffsets: new Uint32Array(1), idDocs: new Uint32Array(3),
    });
    expect(() => new DocumentStore(lying.slice().buffer)).toThrow(/inconsistent/);
    expect(() => new DocumentStore(ok.slice().buffer)).not.toThrow();
  });

  it('refuses a store with a missing section as a corrupt file (not a TypeError later on)', () => {
    const sections = { recordOffsets: new Uint32Array(1), recordBytes: new Uint8Array(0), idBytes: new Uint8Array(0), idOffsets: new Uint32Array(1), idDocs: new Uint32Array(0) };
    for (const missing of Object.keys(sections)) {
      const rest = Object.fromEntries(Object.entries(sections).filter(([k]) => k !== missing));
      const bytes = writeContainer('VNDS', INDEX_FORMAT_VERSION, { shard: 0, documentCount: 0 }, rest);
      expect(() => new DocumentStore(bytes.slice().buffer), missing).toThrow(/lacks section .*corrupt file/);
    }
  });
});
