// `npm run catalog -- sync --from <dir|url>`: the sync stores into the content API's stores, so its engine lives
// in @ketang/content-api (services/sync); this entry only hands the arguments over. Imported at run time so that
// the catalogue library itself never depends on the API.
const { runCatalogCli } = await import('@ketang/content-api');
process.exitCode = await runCatalogCli(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
export {};
