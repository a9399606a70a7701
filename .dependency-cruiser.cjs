/**
 * The layering of the Worker's code, checked by `npm run lint:deps` (dependency-cruiser) in `npm test`:
 * a module may import only modules of its own layer or of layers below it, and no import cycle is
 * allowed anywhere in src/ or index-build/.
 *
 *   analyzer → index-format → scoring → engine, suggest → insights → worker → http, middleware → routes → app
 *
 * `src/generated/` (the built widget bundle) has no imports and may be used by any layer. The build
 * step (index-build/) runs in Node and may use every layer up to the engine, never the Worker's.
 */
const LAYERS = [
  ['analyzer', ['src/analyzer', 'src/generated']],
  ['index-format', ['src/index-format']],
  ['scoring', ['src/scoring']],
  ['engine', ['src/engine', 'src/suggest']],
  ['insights', ['src/insights']],
  ['worker', ['src/worker']],
  ['http', ['src/http', 'src/middleware']],
  ['routes', ['src/routes']],
  ['app', ['src/app.ts', 'src/index.ts']],
];
const pathOf = (dirs) => `^(${dirs.map((d) => d.replace(/[.]/g, '\\.')).join('|')})(/|$)`;

const layerRules = LAYERS.slice(0, -1).map(([name, dirs], i) => ({
  name: `layer-${name}`,
  comment: `${name} may not import from a higher layer (${LAYERS.slice(i + 1).map(([n]) => n).join(', ')})`,
  severity: 'error',
  from: { path: pathOf(dirs) },
  to: { path: pathOf(LAYERS.slice(i + 1).flatMap(([, d]) => d).filter((d) => d !== 'src/generated')) },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'build-uses-no-worker-code',
      comment: 'index-build/ runs in Node: it may use the engine and below, not the Worker, HTTP or routes',
      severity: 'error',
      from: { path: '^index-build/' },
      to: { path: '^src/(worker|http|middleware|routes|app\\.ts|index\\.ts)' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles',
      severity: 'error',
      from: { path: '^(src|index-build)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$|^test/|^bench/|^scripts/|\\.fixture\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
