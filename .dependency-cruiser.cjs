/**
 * The layers of filmrights, checked on every CI run (npm run lint):
 *
 *   web → (contract, domain)          the browser app: the API's contract (types) and pure rules only
 *   cli → api → services → store, domain, contract
 *   services → ingest, interchange    (readers and writers of formats: no services, no API)
 *   domain                            pure: imports nothing but itself and the reference data (data/*.json)
 *
 * No cycles anywhere.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one: split them or move the shared part down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'src/domain holds the rules: no I/O, no other layer, no package but its own; the reference data comes in as static JSON imports.',
      from: { path: '^src/domain/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^src/domain/', '^data/[^/]+\\.json$'] },
    },
    {
      name: 'contract-is-shared',
      severity: 'error',
      comment: 'src/contract is imported by the web app: it may use the domain and its schema library, nothing of the server.',
      from: { path: '^src/contract/' },
      to: { path: '^src/', pathNot: '^src/(contract|domain)/' },
    },
    {
      name: 'store-below-services',
      severity: 'error',
      comment: 'The store knows tables, not the services, the API, the CLI, ingestion or interchange.',
      from: { path: '^src/store/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(services|api|cli|ingest|interchange|workers)/' },
    },
    {
      name: 'formats-below-services',
      severity: 'error',
      comment: 'Ingestion and interchange read and write formats; the services call them, never the other way.',
      from: { path: '^src/(ingest|interchange)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(services|api|cli)/' },
    },
    {
      name: 'services-below-api',
      severity: 'error',
      comment: 'Services serve the API and the CLI; they never import them.',
      from: { path: '^src/services/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(api|cli)/' },
    },
    {
      name: 'api-below-cli',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'web-reads-only-the-contract',
      severity: 'error',
      comment:
        'The browser app talks to the server over HTTP: it may import the contract (types) and the pure domain, nothing else of src/.',
      from: { path: '^web/src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/', pathNot: '^src/(contract|domain)/' },
    },
    {
      name: 'product-not-tests',
      severity: 'error',
      comment: 'Product code never imports test support.',
      from: { path: '^(src|web/src)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|^web/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
  },
};
