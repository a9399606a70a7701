import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { anyQuery, hostileQuery } from '../../test/support/arbitraries.js';
import { openTestIndex } from '../../test/support/node-test-index.js';
import type { SearchService } from './search-service.js';
import { planBounds, type PlanBounds } from './planner-bounds.js';
import { planQuery, type PlannerContext } from './planner.js';
import { LIMITS } from './planner/limits.js';

/** Generated queries per property; 2 properties → 2 × RUNS inputs. */
const RUNS = 1500;

let svc: SearchService;
let ctx: PlannerContext;
let bounds: PlanBounds;

beforeAll(async () => {
  svc = await openTestIndex();
  ctx = { lexicon: svc.lexicon, synonyms: svc.synonyms };
  bounds = planBounds(svc.synonyms, svc.manifest.synonyms);
});

/** Every violated bound of a plan, as readable strings (empty when the plan is within bounds). */
function violations(q: string, prefixLast: boolean): string[] {
  const { plan, truncatedSyllables } = planQuery(q, ctx, { prefixLast });
  const bad: string[] = [];
  const check = (ok: boolean, what: string) => { if (!ok) bad.push(what); };
  check(plan.terms.length <= bounds.terms, `terms ${plan.terms.length} > ${bounds.terms}`);
  check(plan.clauseCount <= bounds.clauses, `clauses ${plan.clauseCount}`);
  check(plan.pairClauseCount <= bounds.pairClauses, `pair clauses ${plan.pairClauseCount}`);
  check(plan.required.length <= bounds.required, `required ${plan.required.length}`);
  check(plan.minShouldMatch >= 0 && plan.minShouldMatch <= plan.clauseCount, `minShouldMatch ${plan.minShouldMatch}`);
  check(plan.excluded.length <= q.length, `excluded ${plan.excluded.length}`);
  check(plan.highlight.folded.length + plan.highlight.exact.length <= plan.terms.length, 'highlight larger than terms');
  check(truncatedSyllables >= 0 && (truncatedSyllables === 0 || plan.clauseCount > 0), `truncated ${truncatedSyllables}`);
  const maxClause = plan.clauseCount + plan.pairClauseCount;
  for (const t of plan.terms) {
    if (!(t.key.length > 0 && Number.isFinite(t.weight) && t.weight > 0 && t.clause >= -1 && t.clause < maxClause)) {
      bad.push(`bad term ${JSON.stringify(t)}`);
      break;
    }
  }
  for (const k of [...plan.required, ...plan.excluded]) if (!k || !k.isWellFormed()) bad.push(`bad key ${JSON.stringify(k)}`);
  return bad;
}

describe('planQuery properties (fuzzed against the sample index)', () => {
  it('the bounds derived from LIMITS are meaningful', () => {
    expect(bounds.terms).toBeGreaterThan(LIMITS.maxSyllables * 3);
    expect(bounds.synonymTermsPerSpan).toBeGreaterThan(0);
  });

  it('never throws and stays within the bounds, as-you-type or not', () => {
    fc.assert(fc.property(anyQuery, fc.boolean(), (q, prefixLast) => {
      expect(violations(q, prefixLast)).toEqual([]);
    }), { numRuns: RUNS });
  });

  it('stays within the bounds for synonym-heavy and operator-heavy queries', () => {
    const synonymish = fc.array(fc.constantFrom('UBND', 'tphcm', 'TP.HCM', 'ủy ban nhân dân', 'thành phố hồ chí minh', 'hdnd', 'bhxh', '"', '-', 'ha noi'), { maxLength: 120 })
      .map((w) => w.join(' '));
    fc.assert(fc.property(fc.oneof(synonymish, hostileQuery(40)), fc.boolean(), (q, prefixLast) => {
      expect(violations(q, prefixLast)).toEqual([]);
    }), { numRuns: RUNS });
  });

  it('a plan crosses a Durable Object call unchanged (plain, structured-cloneable data)', () => {
    fc.assert(fc.property(hostileQuery(), (q) => {
      const { plan } = planQuery(q, ctx, { prefixLast: true });
      expect(structuredClone(plan)).toEqual(plan);
    }), { numRuns: 200 });
  });
});
