/**
 * Related articles on the sample corpus (data/), served in-process (1 shard) and by three Durable
 * Objects (the `worker-sharded` project): both must give the same answers.
 */
import { describe, expect, it } from 'vitest';
import { ArticleRelatedResponseSchema } from '../../src/routes/related.js';
import { getJson, request } from '../support/helpers.js';

const PARTY = ['000_f07f3c570d94029a', 'sample-01-ha-noi-xay-dung-dang', 'sample-36-dang-bo-quang-ninh-ket-nap-dang-vien', 'sample-37-hue-dai-hoi-dang-bo-khoi'];

async function relatedIds(id: string, qs = ''): Promise<string[]> {
  const { status, body } = await getJson(`/articles/${id}/related${qs}`);
  expect(status).toBe(200);
  expect(ArticleRelatedResponseSchema.safeParse(body).success).toBe(true);
  return body.hits.map((h: { id: string }) => h.id);
}

describe('GET /articles/:id/related (sample corpus)', () => {
  it('an article about the Party has the other Party articles as its most related', async () => {
    for (const id of PARTY) {
      const ids = await relatedIds(id);
      expect(ids).not.toContain(id);
      const others = PARTY.filter((p) => p !== id);
      // The seed article is about Party organisation too but shorter: at least two of the others lead.
      expect(others.filter((p) => ids.slice(0, 3).includes(p)).length, id).toBeGreaterThanOrEqual(2);
    }
  });

  it('the U23 article finds the other U23 article first', async () => {
    expect((await relatedIds('sample-03-u23-viet-nam-thang-dam'))[0]).toBe('sample-25-u23-viet-nam-giao-huu-ronaldo');
  });

  it('answers the same with limit=1 as the first of the default list', async () => {
    const all = await relatedIds('sample-07-bo-y-te-tiem-vac-xin-soi');
    expect(await relatedIds('sample-07-bo-y-te-tiem-vac-xin-soi', '?limit=1')).toEqual(all.slice(0, 1));
  });

  it('a draft about the Party finds the Party articles', async () => {
    const res = await request('/related', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Kết nạp đảng viên mới, nâng cao chất lượng sinh hoạt chi bộ', body: 'Các tổ chức cơ sở đảng chú trọng công tác phát triển đảng viên và đổi mới sinh hoạt chi bộ.' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { hits: Array<{ id: string }> };
    expect(PARTY.filter((p) => body.hits.slice(0, 3).some((h) => h.id === p)).length).toBeGreaterThanOrEqual(2);
  });

  it('unknown article → 404 JSON', async () => {
    const { status, body } = await getJson('/articles/nope/related');
    expect(status).toBe(404);
    expect(body.error.code).toBe('article_not_found');
  });
});
